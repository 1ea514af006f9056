SELECT destination_bucket_arn, COUNT(DISTINCT bucket) AS sources FROM bucket_inventory_configurations
GROUP BY destination_bucket_arn HAVING COUNT(DISTINCT bucket) >= 2 ORDER BY 1
