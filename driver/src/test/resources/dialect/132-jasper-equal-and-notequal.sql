-- $X{EQUAL, destination_format, F} AND $X{NOTEQUAL, region, R}
-- params: 'CSV', 'us-east-1'
SELECT bucket, id FROM s3.bucket_inventory_configurations WHERE destination_format = ? AND region <> ? ORDER BY bucket, id
