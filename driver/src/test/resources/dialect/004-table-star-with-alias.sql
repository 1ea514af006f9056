SELECT c.* FROM s3.bucket_inventory_configurations AS c WHERE c.bucket = 'dx-billing' ORDER BY c.id
