SELECT filter_prefix, COUNT(*) AS n FROM bucket_inventory_configurations GROUP BY filter_prefix ORDER BY filter_prefix
