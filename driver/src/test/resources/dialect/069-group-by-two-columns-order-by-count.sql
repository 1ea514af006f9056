SELECT region, destination_format, COUNT(*) AS n FROM bucket_inventory_configurations
GROUP BY region, destination_format ORDER BY n DESC, region, destination_format
