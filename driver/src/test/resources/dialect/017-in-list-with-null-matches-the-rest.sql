SELECT bucket, id FROM bucket_inventory_configurations WHERE destination_format IN ('Parquet', NULL) ORDER BY 1, 2
