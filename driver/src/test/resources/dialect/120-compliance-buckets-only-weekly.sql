-- Buckets whose reports are all weekly: no daily configuration at all.
SELECT DISTINCT c.bucket FROM aws.s3.bucket_inventory_configurations c
WHERE NOT EXISTS (SELECT 1 FROM aws.s3.bucket_inventory_configurations d WHERE d.bucket = c.bucket AND d.schedule_frequency = 'Daily')
ORDER BY 1
