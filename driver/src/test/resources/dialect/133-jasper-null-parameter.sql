-- A NULL parameter compares as UNKNOWN: no rows.
-- params: NULL
SELECT bucket, id FROM s3.bucket_inventory_configurations WHERE filter_prefix = ?
