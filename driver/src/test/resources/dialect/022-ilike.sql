SELECT bucket, id FROM bucket_inventory_configurations WHERE id ILIKE 'COMPLIANCE%' ORDER BY 1
