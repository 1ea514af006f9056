-- Column aliases rename a derived table's columns; a filter on them still reaches the inner query.
SELECT t.source, t.config FROM (SELECT bucket, id FROM bucket_inventory_configurations) AS t (source, config)
WHERE t.source = 'dx-billing' ORDER BY t.config
