SELECT bucket, id, CASE WHEN NOT is_enabled THEN 'off' WHEN schedule_frequency = 'Daily' THEN 'daily' ELSE 'weekly' END AS state
FROM bucket_inventory_configurations ORDER BY 1, 2
