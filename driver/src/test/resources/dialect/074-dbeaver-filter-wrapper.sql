SELECT * FROM (
SELECT bucket, id, destination_format FROM s3.bucket_inventory_configurations
) z_q WHERE z_q.bucket = 'dx-billing' ORDER BY z_q.id
