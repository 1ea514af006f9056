SELECT b.name, c.id FROM buckets b JOIN bucket_inventory_configurations c ON c.bucket = b.name
WHERE c.bucket = 'dx-data-lake' AND b.region = 'ap-southeast-2' ORDER BY 1, 2
