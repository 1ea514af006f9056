-- Where each configuration's report goes, and whether that bucket is ours.
SELECT b.name, c.id, d.name AS destination FROM buckets b JOIN bucket_inventory_configurations c ON c.bucket = b.name
LEFT JOIN buckets d ON c.destination_bucket_arn = 'arn:aws:s3:::' || d.name ORDER BY 1, 2
