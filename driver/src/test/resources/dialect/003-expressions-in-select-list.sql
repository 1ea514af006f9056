SELECT bucket || '/' || id AS path, LENGTH(id) AS id_length, LENGTH(id) * 2 + 1 AS odd
FROM bucket_inventory_configurations ORDER BY path
