SELECT name AS bucket_name, region AS r FROM buckets ORDER BY r, bucket_name DESC
