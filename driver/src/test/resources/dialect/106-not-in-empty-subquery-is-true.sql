-- NOT IN over no rows is TRUE, even for a NULL operand.
SELECT bucket, id FROM bucket_inventory_configurations
WHERE filter_prefix NOT IN (SELECT name FROM buckets WHERE 1 = 0) ORDER BY 1, 2
