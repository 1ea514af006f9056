-- ESCAPE makes _ and % literal.
SELECT bucket, id FROM bucket_inventory_configurations
WHERE id LIKE '%!_%' ESCAPE '!' OR id LIKE '100!%%' ESCAPE '!' ORDER BY 1, 2
