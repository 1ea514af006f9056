SELECT bucket, id, destination_bucket_arn, destination_account_id FROM aws.s3.bucket_inventory_configurations
WHERE destination_account_id IS NOT NULL ORDER BY bucket, id
