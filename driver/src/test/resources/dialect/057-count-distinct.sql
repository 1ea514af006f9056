SELECT COUNT(DISTINCT id) AS ids, COUNT(DISTINCT bucket) AS buckets, COUNT(DISTINCT destination_encryption) AS encryptions
FROM bucket_inventory_configurations
