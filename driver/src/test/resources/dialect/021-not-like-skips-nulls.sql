SELECT bucket, id, filter_prefix FROM bucket_inventory_configurations WHERE filter_prefix NOT LIKE 'logs%' ORDER BY 1, 2
