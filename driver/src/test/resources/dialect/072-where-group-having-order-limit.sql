SELECT bucket, COUNT(*) AS n FROM bucket_inventory_configurations WHERE is_enabled
GROUP BY bucket HAVING COUNT(*) >= 1 ORDER BY n DESC, bucket LIMIT 3
