SELECT "bucket_inventory_configurations"."bucket" AS "bucket", COUNT(1) AS "cnt"
FROM "s3"."bucket_inventory_configurations" "bucket_inventory_configurations"
GROUP BY 1 HAVING (COUNT(1) > 0) ORDER BY 1
