-- Configuration ids used by more than one bucket.
SELECT c1.id, c1.bucket AS first_bucket, c2.bucket AS second_bucket
FROM bucket_inventory_configurations c1 JOIN bucket_inventory_configurations c2 ON c1.id = c2.id AND c1.bucket < c2.bucket
ORDER BY 1, 2, 3
