SELECT destination_format, schedule_frequency, COUNT(*) FROM bucket_inventory_configurations GROUP BY 1, 2 ORDER BY 1, 2
