-- Inside the subquery, bucket is the configuration's column and name the outer bucket's.
SELECT name FROM buckets WHERE NOT EXISTS (SELECT 1 FROM bucket_inventory_configurations WHERE bucket = name) ORDER BY name
