SELECT name FROM buckets WHERE name LIKE 'dx-d%' ORDER BY name
