SELECT COUNT(*) FROM (SELECT bucket, id FROM s3.bucket_inventory_configurations
) dbvrcnt
