SELECT * FROM s3.bucket_inventory_configurations
WHERE (bucket = 'dx-data-lake') AND (is_enabled = true) AND (id LIKE '%daily%')
ORDER BY id DESC,2
