SELECT LOWER(destination_format) AS fmt, COUNT(*) AS n FROM bucket_inventory_configurations GROUP BY LOWER(destination_format) ORDER BY 1
