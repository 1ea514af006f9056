-- maxRows: 3
SELECT bucket, id FROM bucket_inventory_configurations ORDER BY bucket, id
