SELECT {fn UCASE(id)} AS u, {fn LCASE(destination_format)} AS l, {fn IFNULL(filter_prefix, 'none')} AS f,
  {fn CONCAT(bucket, id)} AS c, {fn LENGTH(id)} AS n
FROM bucket_inventory_configurations WHERE bucket = 'dx-app-logs' ORDER BY 1
