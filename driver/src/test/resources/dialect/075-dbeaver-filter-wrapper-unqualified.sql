SELECT * FROM (
SELECT * FROM s3.bucket_inventory_configurations
) z_q WHERE (bucket = 'dx-data-lake') AND (is_enabled = true) ORDER BY id
