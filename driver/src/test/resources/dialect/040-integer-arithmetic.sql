SELECT id, LENGTH(id) / 4 AS quotient, LENGTH(id) % 4 AS remainder, -LENGTH(id) AS negated, LENGTH(id) - LENGTH(bucket) AS diff
FROM bucket_inventory_configurations WHERE bucket = 'dx-billing' ORDER BY id
