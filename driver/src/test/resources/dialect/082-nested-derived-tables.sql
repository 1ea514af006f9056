SELECT x.bucket, x.id FROM (SELECT * FROM (SELECT * FROM (SELECT bucket, id, is_enabled FROM bucket_inventory_configurations) a
  WHERE a.is_enabled) b WHERE b.bucket LIKE 'dx-a%') x ORDER BY 1, 2
