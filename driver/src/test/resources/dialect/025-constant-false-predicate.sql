-- Tools probe a query's columns with WHERE 1=0.
SELECT * FROM s3.bucket_inventory_configurations WHERE 1=0
