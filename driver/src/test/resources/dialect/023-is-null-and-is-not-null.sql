SELECT bucket, id, destination_account_id IS NULL AS same_account, destination_prefix IS NOT NULL AS has_prefix
FROM bucket_inventory_configurations ORDER BY 1, 2
