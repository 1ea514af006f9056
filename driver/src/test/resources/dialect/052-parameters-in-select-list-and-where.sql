-- params: 'tag', 'dx-billing'
SELECT ? AS label, id FROM bucket_inventory_configurations WHERE bucket = ? ORDER BY id
