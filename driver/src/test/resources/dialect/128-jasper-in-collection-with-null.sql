-- $X{IN} with NULL in the collection.
-- params: '123456789012', 'nobody'
SELECT bucket, id, destination_account_id FROM s3.bucket_inventory_configurations
WHERE (destination_account_id IS NULL OR destination_account_id IN (?, ?)) ORDER BY bucket, id
