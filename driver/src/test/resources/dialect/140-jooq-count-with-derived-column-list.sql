-- jOOQ's fetchCount: a derived table with a column list.
-- params: 'dx-a%'
select count(*) "c" from (select "s3"."bucket_inventory_configurations"."bucket", "s3"."bucket_inventory_configurations"."id" from "s3"."bucket_inventory_configurations" where "s3"."bucket_inventory_configurations"."bucket" like ?) "t" ("v0", "v1")
