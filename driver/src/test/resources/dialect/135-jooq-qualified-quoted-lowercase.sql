-- params: 'dx-data-lake', TRUE, 2, 1
select "s3"."bucket_inventory_configurations"."bucket", "s3"."bucket_inventory_configurations"."id"
from "s3"."bucket_inventory_configurations"
where ("s3"."bucket_inventory_configurations"."bucket" = ? and "s3"."bucket_inventory_configurations"."is_enabled" = ?)
order by "s3"."bucket_inventory_configurations"."id" desc
limit ? offset ?
