-- Buckets with a configuration that reports to a destination used by no other bucket.
SELECT b.name FROM buckets b WHERE EXISTS (SELECT 1 FROM bucket_inventory_configurations c WHERE c.bucket = b.name
  AND NOT EXISTS (SELECT 1 FROM bucket_inventory_configurations o WHERE o.destination_bucket_arn = c.destination_bucket_arn AND o.bucket <> b.name))
ORDER BY b.name
