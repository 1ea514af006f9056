SELECT DISTINCT region FROM bucket_inventory_configurations ORDER BY region
