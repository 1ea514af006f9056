SELECT bucket, id, filter_prefix FROM bucket_inventory_configurations ORDER BY filter_prefix NULLS FIRST, bucket, id
