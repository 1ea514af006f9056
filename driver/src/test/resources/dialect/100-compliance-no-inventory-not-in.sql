-- Buckets without any inventory configuration, by NOT IN.
SELECT name, region FROM aws.s3.buckets
WHERE name NOT IN (SELECT bucket FROM aws.s3.bucket_inventory_configurations) ORDER BY name
