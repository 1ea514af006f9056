-- $X{IN} with an empty collection becomes 0 = 0.
-- params: FALSE
SELECT bucket, id FROM s3.bucket_inventory_configurations WHERE 0 = 0 AND is_enabled = ? ORDER BY bucket, id
