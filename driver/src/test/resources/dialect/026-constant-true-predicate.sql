SELECT COUNT(*) AS n FROM s3.bucket_inventory_configurations WHERE 0 = 0
