SELECT schedule_frequency AS freq, COUNT(*) AS n FROM bucket_inventory_configurations GROUP BY freq ORDER BY freq
