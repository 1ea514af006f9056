SELECT bucket, COUNT(*) AS configurations FROM aws.s3.bucket_inventory_configurations GROUP BY bucket HAVING COUNT(*) > 1 ORDER BY bucket
