-- Buckets without any inventory configuration, by LEFT JOIN.
SELECT b.name, b.region FROM aws.s3.buckets b LEFT JOIN aws.s3.bucket_inventory_configurations c ON c.bucket = b.name
WHERE c.id IS NULL ORDER BY b.name
