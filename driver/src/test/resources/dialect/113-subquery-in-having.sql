SELECT region, COUNT(*) AS n FROM buckets GROUP BY region HAVING COUNT(*) > (SELECT COUNT(*) FROM buckets WHERE region = 'us-west-2') - 1 ORDER BY region
