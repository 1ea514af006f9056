-- $X{EQUAL, filter_prefix, P} with P = null becomes filter_prefix IS NULL.
-- params: 'dx-data-lake'
SELECT id FROM s3.bucket_inventory_configurations WHERE filter_prefix IS NULL AND bucket = ? ORDER BY id
