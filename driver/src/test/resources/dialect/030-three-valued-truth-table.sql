SELECT bucket, id, filter_prefix = 'raw/' AS eq, (filter_prefix = 'raw/') IS NULL AS is_unknown,
  (filter_prefix = 'raw/' AND is_enabled) AS and_enabled, (filter_prefix = 'raw/' OR is_enabled) AS or_enabled
FROM bucket_inventory_configurations ORDER BY 1, 2
