SELECT b.region, COUNT(c.id) AS configurations, COUNT(DISTINCT b.name) AS buckets_with_configs
FROM buckets b JOIN bucket_inventory_configurations c ON c.bucket = b.name GROUP BY b.region ORDER BY 1
