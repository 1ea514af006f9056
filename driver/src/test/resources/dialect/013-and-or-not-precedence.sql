-- AND binds tighter than OR.
SELECT bucket, id FROM bucket_inventory_configurations
WHERE is_enabled AND destination_format = 'CSV' OR region = 'us-west-2' ORDER BY 1, 2
