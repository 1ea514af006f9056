SELECT name FROM buckets b WHERE (SELECT COUNT(*) FROM bucket_inventory_configurations c WHERE c.bucket = b.name) >= 2 ORDER BY name
