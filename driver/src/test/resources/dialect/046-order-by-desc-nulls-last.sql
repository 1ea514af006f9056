SELECT bucket, id, destination_prefix FROM bucket_inventory_configurations ORDER BY destination_prefix DESC NULLS LAST, bucket, id
