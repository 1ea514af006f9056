SELECT id, NULLIF(destination_format, 'CSV') AS not_csv, TRIM('  ' || id || '  ') AS trimmed, SUBSTRING(id, 1, 5) AS head,
  SUBSTRING(id, 3) AS tail, REPLACE(id, '-', '_') AS underscored, ABS(LENGTH(id) - 10) AS distance
FROM bucket_inventory_configurations WHERE bucket = 'dx-data-lake' ORDER BY id
