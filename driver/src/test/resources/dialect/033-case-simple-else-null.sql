SELECT bucket, id, CASE destination_encryption WHEN 'SSE-KMS' THEN 'kms' WHEN 'SSE-S3' THEN 's3' END AS enc
FROM bucket_inventory_configurations ORDER BY 1, 2
