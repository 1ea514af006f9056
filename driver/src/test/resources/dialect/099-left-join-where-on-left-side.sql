SELECT b.name, c.id FROM buckets b LEFT JOIN bucket_inventory_configurations c ON c.bucket = b.name
WHERE b.region = 'us-east-1' ORDER BY 1, 2
