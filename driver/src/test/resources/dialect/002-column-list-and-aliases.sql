-- Aliases with and without AS; quoted identifiers and a quoted three-part table name.
SELECT bucket AS source, "id" config_id, destination_format FROM "aws"."s3"."bucket_inventory_configurations" ORDER BY 1, 2
