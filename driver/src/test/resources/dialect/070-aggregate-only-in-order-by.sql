SELECT bucket FROM bucket_inventory_configurations GROUP BY bucket ORDER BY COUNT(*) DESC, bucket
