SELECT b.name, c.id FROM buckets b JOIN bucket_inventory_configurations c ON c.bucket = b.name AND c.is_enabled ORDER BY 1, 2
