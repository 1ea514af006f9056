SELECT destination_format, bucket, id FROM bucket_inventory_configurations ORDER BY 1 DESC, 2, 3
