SELECT bucket, id FROM bucket_inventory_configurations WHERE id IN ('weekly_orc', 'thumbnails') ORDER BY 1, 2
