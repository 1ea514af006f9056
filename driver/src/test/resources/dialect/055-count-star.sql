SELECT COUNT(*) AS configurations FROM bucket_inventory_configurations
