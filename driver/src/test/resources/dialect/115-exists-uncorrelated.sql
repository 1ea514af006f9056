SELECT COUNT(*) AS n FROM buckets WHERE EXISTS (SELECT 1 FROM bucket_inventory_configurations WHERE destination_format = 'ORC')
  AND NOT EXISTS (SELECT 1 FROM bucket_inventory_configurations WHERE destination_format = 'JSON')
