SELECT name FROM buckets b WHERE EXISTS (SELECT 1 FROM bucket_inventory_configurations c WHERE c.bucket = b.name AND c.destination_encryption = 'SSE-KMS') ORDER BY name
