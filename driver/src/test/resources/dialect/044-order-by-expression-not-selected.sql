SELECT bucket, id FROM bucket_inventory_configurations ORDER BY LENGTH(id) DESC, bucket, id
