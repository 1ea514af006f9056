SELECT id, CASE WHEN is_enabled THEN 1 ELSE 2.5 END AS weight FROM bucket_inventory_configurations WHERE bucket = 'dx-data-lake' ORDER BY id
