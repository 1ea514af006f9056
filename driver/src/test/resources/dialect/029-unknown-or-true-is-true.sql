SELECT bucket, id, filter_prefix FROM bucket_inventory_configurations
WHERE filter_prefix <> 'logs/' OR filter_prefix IS NULL ORDER BY 1, 2
