SELECT COUNT(*) FROM s3.bucket_inventory_configurations
WHERE bucket = 'dx-data-lake'
