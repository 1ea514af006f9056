SELECT bucket, id, optional_fields FROM aws.s3.bucket_inventory_configurations
WHERE optional_fields IS NULL OR optional_fields NOT LIKE '%Size%' ORDER BY bucket, id
