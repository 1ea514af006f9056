SELECT COUNT(*) AS n, COUNT(id) AS ids, MIN(id) AS lowest, SUM(LENGTH(id)) AS total FROM bucket_inventory_configurations WHERE 1 = 0
