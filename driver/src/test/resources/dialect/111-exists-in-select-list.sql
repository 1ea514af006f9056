SELECT b.name, CASE WHEN EXISTS (SELECT 1 FROM bucket_inventory_configurations c WHERE c.bucket = b.name AND NOT c.is_enabled) THEN 'has disabled' ELSE 'ok' END AS status
FROM buckets b ORDER BY b.name
