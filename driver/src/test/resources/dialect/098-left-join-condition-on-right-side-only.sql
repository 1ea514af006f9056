SELECT b.name, c.id FROM buckets b LEFT JOIN bucket_inventory_configurations c ON c.bucket = b.name AND c.destination_format = 'CSV'
ORDER BY 1, 2
