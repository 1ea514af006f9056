SELECT name, name BETWEEN 'dx-b' AND 'dx-m' AS in_range, name NOT BETWEEN 'dx-b' AND 'dx-m' AS outside FROM buckets ORDER BY name
