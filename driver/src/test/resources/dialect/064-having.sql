SELECT bucket, COUNT(*) AS n FROM bucket_inventory_configurations GROUP BY bucket HAVING COUNT(*) > 1 ORDER BY bucket
