SELECT b.name, t.n FROM buckets b JOIN (SELECT bucket, COUNT(*) AS n FROM bucket_inventory_configurations GROUP BY bucket) t
  ON t.bucket = b.name WHERE b.region <> 'us-east-1' ORDER BY b.name
