SELECT name FROM buckets ORDER BY name LIMIT 3
