-- Tableau's capability probe shape.
SELECT 'test' AS "Calculation_1" FROM "s3"."bucket_inventory_configurations" "bucket_inventory_configurations" HAVING (COUNT(1) > 0)
