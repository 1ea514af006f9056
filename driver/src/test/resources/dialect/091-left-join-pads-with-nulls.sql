SELECT b.name, c.id, c.destination_format FROM buckets AS b LEFT JOIN bucket_inventory_configurations AS c ON c.bucket = b.name ORDER BY 1, 2
