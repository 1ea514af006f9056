SELECT COUNT(*) AS all_rows, COUNT(filter_prefix) AS with_filter, COUNT(destination_account_id) AS cross_account
FROM bucket_inventory_configurations
