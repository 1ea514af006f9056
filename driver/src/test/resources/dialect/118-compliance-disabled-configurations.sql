SELECT bucket, id, region FROM aws.s3.bucket_inventory_configurations WHERE NOT is_enabled ORDER BY bucket, id
