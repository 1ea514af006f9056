-- || gives NULL when a side is NULL; CONCAT skips NULLs.
SELECT id, filter_prefix || id AS op, CONCAT(filter_prefix, id) AS fn FROM bucket_inventory_configurations WHERE bucket = 'dx-data-lake' ORDER BY id
