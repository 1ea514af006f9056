SELECT * FROM (
SELECT bucket, id, is_enabled FROM s3.bucket_inventory_configurations
) z_q WHERE (z_q.is_enabled = false) AND (bucket LIKE 'dx-%' OR id = 'x') ORDER BY z_q.bucket, z_q.id
