SELECT region, COUNT(CASE WHEN is_enabled THEN 1 END) AS enabled, SUM(CASE WHEN is_enabled THEN 0 ELSE 1 END) AS disabled
FROM bucket_inventory_configurations GROUP BY region ORDER BY region
