SELECT region, COUNT(*) AS n FROM bucket_inventory_configurations GROUP BY region ORDER BY region
