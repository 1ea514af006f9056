-- NOT (NULL = 'logs/') is UNKNOWN: rows without a filter prefix are not returned.
SELECT bucket, id FROM bucket_inventory_configurations WHERE NOT (filter_prefix = 'logs/') ORDER BY 1, 2
