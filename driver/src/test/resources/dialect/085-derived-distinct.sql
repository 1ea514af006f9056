SELECT COUNT(*) AS regions FROM (SELECT DISTINCT region FROM bucket_inventory_configurations) r
