SELECT id, CAST(is_enabled AS VARCHAR) AS enabled_text, CAST(LENGTH(id) AS BIGINT) AS len, CAST('42' AS INTEGER) + 1 AS n,
  CAST(id AS VARCHAR(5)) AS short_id, CAST(LENGTH(id) AS DECIMAL(10, 2)) AS dec, CAST(LENGTH(id) AS DOUBLE) / 4 AS quarter
FROM bucket_inventory_configurations WHERE bucket = 'dx-data-lake' ORDER BY id
