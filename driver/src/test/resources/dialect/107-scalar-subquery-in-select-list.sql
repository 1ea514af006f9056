SELECT b.name, (SELECT COUNT(*) FROM bucket_inventory_configurations c WHERE c.bucket = b.name) AS configurations FROM buckets b ORDER BY b.name
