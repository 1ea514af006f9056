-- x NOT IN (..., NULL) is never TRUE: no rows.
SELECT bucket, id FROM bucket_inventory_configurations WHERE id NOT IN ('daily-csv', NULL)
