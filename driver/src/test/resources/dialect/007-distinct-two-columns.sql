SELECT DISTINCT destination_format, schedule_frequency FROM bucket_inventory_configurations ORDER BY 1, 2
