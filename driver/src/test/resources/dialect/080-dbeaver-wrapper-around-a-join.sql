SELECT * FROM (
SELECT b.name, b.region AS bucket_region, c.id FROM buckets b LEFT JOIN bucket_inventory_configurations c ON c.bucket = b.name
) z_q WHERE z_q.bucket_region = 'eu-west-1' ORDER BY z_q.name, z_q.id
