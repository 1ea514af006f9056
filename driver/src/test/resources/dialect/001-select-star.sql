-- Every configuration and every column, in key order.
SELECT * FROM aws.s3.bucket_inventory_configurations ORDER BY bucket, id
