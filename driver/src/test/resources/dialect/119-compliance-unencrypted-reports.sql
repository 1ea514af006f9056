SELECT bucket, id, destination_bucket_arn FROM aws.s3.bucket_inventory_configurations
WHERE destination_encryption IS NULL ORDER BY bucket, id
