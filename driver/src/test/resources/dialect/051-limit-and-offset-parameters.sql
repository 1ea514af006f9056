-- params: 2, 1
SELECT bucket, id FROM bucket_inventory_configurations ORDER BY bucket, id LIMIT ? OFFSET ?
