-- params: 'dx-billing'
select id from "s3"."bucket_inventory_configurations" where bucket = cast(? as varchar) order by id
