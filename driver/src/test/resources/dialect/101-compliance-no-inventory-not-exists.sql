-- Buckets without any inventory configuration, by a correlated NOT EXISTS.
SELECT b.name, b.region FROM aws.s3.buckets b
WHERE NOT EXISTS (SELECT 1 FROM aws.s3.bucket_inventory_configurations c WHERE c.bucket = b.name) ORDER BY b.name
