SELECT b.name, c.id FROM buckets b JOIN bucket_inventory_configurations c ON c.bucket = b.name
  AND c.id = (SELECT MIN(c2.id) FROM bucket_inventory_configurations c2 WHERE c2.bucket = b.name) ORDER BY 1
