SELECT MIN(id) AS first_id, MAX(id) AS last_id, MIN(filter_prefix) AS min_prefix, MAX(is_enabled) AS any_enabled, MIN(is_enabled) AS all_enabled
FROM bucket_inventory_configurations
