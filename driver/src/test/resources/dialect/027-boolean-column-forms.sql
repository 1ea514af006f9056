SELECT bucket, id, is_enabled, NOT is_enabled AS disabled, is_enabled = FALSE AS eq_false, is_enabled IS NOT TRUE AS not_true
FROM bucket_inventory_configurations WHERE is_enabled OR bucket = 'dx-staging' ORDER BY 1, 2
