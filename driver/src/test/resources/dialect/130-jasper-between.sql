-- $X{BETWEEN, id, From, To}
-- params: 'daily', 'thumbnails'
SELECT bucket, id FROM s3.bucket_inventory_configurations WHERE id >= ? AND id <= ? ORDER BY bucket, id
