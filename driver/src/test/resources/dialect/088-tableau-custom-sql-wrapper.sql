SELECT * FROM (SELECT bucket, destination_format FROM s3.bucket_inventory_configurations WHERE is_enabled) "Custom SQL Query"
ORDER BY 1, 2
