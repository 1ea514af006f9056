-- $X{IN, bucket, Buckets} AND is_enabled = $P{Enabled}
-- params: 'dx-app-logs', 'dx-billing', 'dx-staging', TRUE
SELECT bucket, id, destination_format FROM s3.bucket_inventory_configurations
WHERE bucket IN (?, ?, ?) AND is_enabled = ? ORDER BY bucket, id
