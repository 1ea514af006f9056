/* a block comment */
SELECT	bucket, -- the source bucket
	id
FROM
	s3.bucket_inventory_configurations
WHERE
	is_enabled
ORDER BY
	bucket, id;
