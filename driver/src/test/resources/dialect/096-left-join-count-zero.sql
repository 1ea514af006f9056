SELECT b.name, COUNT(c.id) AS configurations FROM buckets b LEFT JOIN bucket_inventory_configurations c ON c.bucket = b.name
GROUP BY b.name ORDER BY b.name
