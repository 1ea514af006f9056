SELECT COUNT(*) FROM (SELECT * FROM s3.bucket_inventory_configurations WHERE bucket = 'dx-archive'
) dbvrcnt
