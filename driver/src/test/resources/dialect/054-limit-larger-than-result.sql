SELECT name FROM buckets WHERE region = 'us-west-2' ORDER BY name LIMIT 100
