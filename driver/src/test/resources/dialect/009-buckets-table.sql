SELECT name, region, creation_date IS NOT NULL AS has_creation_date FROM aws.s3.buckets ORDER BY name
