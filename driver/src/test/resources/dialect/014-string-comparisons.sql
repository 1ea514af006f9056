SELECT name FROM buckets WHERE name > 'dx-d' AND name <= 'dx-m' AND name <> 'dx-empty-eu' ORDER BY name
