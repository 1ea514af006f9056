-- params: 'dx-a%'
SELECT DISTINCT bucket FROM bucket_inventory_configurations WHERE bucket LIKE ? ORDER BY bucket
