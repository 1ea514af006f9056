SELECT * FROM (SELECT region, COUNT(*) AS n FROM bucket_inventory_configurations GROUP BY region) t WHERE n > 2 ORDER BY region
