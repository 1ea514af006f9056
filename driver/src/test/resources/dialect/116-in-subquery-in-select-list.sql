SELECT name, name IN (SELECT bucket FROM bucket_inventory_configurations WHERE destination_format = 'Parquet') AS has_parquet FROM buckets ORDER BY name
