SELECT b.region, COUNT(*) AS buckets,
  SUM(CASE WHEN EXISTS (SELECT 1 FROM aws.s3.bucket_inventory_configurations c WHERE c.bucket = b.name) THEN 1 ELSE 0 END) AS covered
FROM aws.s3.buckets b GROUP BY b.region ORDER BY b.region
