-- NULLs sort as the lowest values: first ascending, last descending.
SELECT bucket, id, destination_kms_key_id FROM bucket_inventory_configurations ORDER BY destination_kms_key_id DESC, bucket, id
