SELECT name, name = ANY (SELECT bucket FROM bucket_inventory_configurations WHERE NOT is_enabled) AS has_disabled,
  name > ALL (SELECT bucket FROM bucket_inventory_configurations) AS after_all
FROM buckets ORDER BY name
