SELECT bucket, id FROM bucket_inventory_configurations WHERE bucket IN (SELECT name FROM buckets WHERE region = 'eu-west-1') ORDER BY 1, 2
