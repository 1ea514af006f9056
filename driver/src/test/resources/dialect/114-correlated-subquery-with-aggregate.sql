-- The last configuration id of each bucket.
SELECT bucket, id FROM bucket_inventory_configurations c WHERE id = (SELECT MAX(id) FROM bucket_inventory_configurations c2 WHERE c2.bucket = c.bucket) ORDER BY bucket
