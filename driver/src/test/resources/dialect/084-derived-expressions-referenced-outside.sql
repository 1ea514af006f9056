SELECT path, len FROM (SELECT bucket || '/' || id AS path, LENGTH(id) AS len FROM bucket_inventory_configurations) t
WHERE len > 10 AND path LIKE '%csv%' ORDER BY path
