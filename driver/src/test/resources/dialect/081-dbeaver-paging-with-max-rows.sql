-- maxRows: 4
SELECT * FROM (
SELECT bucket, id FROM s3.bucket_inventory_configurations
) z_q ORDER BY z_q.bucket, z_q.id
