-- Reports delivered to a bucket that is not one of ours.
SELECT bucket, id, destination_bucket_arn FROM aws.s3.bucket_inventory_configurations
WHERE destination_bucket_arn NOT IN (SELECT 'arn:aws:s3:::' || name FROM aws.s3.buckets) ORDER BY bucket, id
