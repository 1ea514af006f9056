-- The inner LIMIT applies before the outer filter.
SELECT * FROM (SELECT name, region FROM buckets ORDER BY name LIMIT 4) t WHERE t.region = 'eu-west-1' ORDER BY name
