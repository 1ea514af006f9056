SELECT b.name, b.region, c.id FROM aws.s3.buckets b INNER JOIN aws.s3.bucket_inventory_configurations c ON c.bucket = b.name ORDER BY 1, 3
