SELECT id, LOWER(id) AS lower_id, UPPER(destination_format) AS fmt, LENGTH(bucket) AS len,
  COALESCE(filter_prefix, destination_prefix, '-') AS some_prefix, CONCAT(bucket, ':', id) AS joined
FROM bucket_inventory_configurations ORDER BY bucket, id
