-- params: 'ORC', 'Parquet'
SELECT bucket, id, destination_format IN (?, ?) AS columnar FROM bucket_inventory_configurations ORDER BY bucket, id
