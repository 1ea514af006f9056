-- The subquery yields a NULL account id, so NOT IN is never TRUE.
SELECT bucket, id FROM bucket_inventory_configurations WHERE id NOT IN (SELECT destination_account_id FROM bucket_inventory_configurations)
