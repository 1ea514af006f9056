SELECT destination_kms_key_id, COUNT(*) AS configurations FROM aws.s3.bucket_inventory_configurations
WHERE destination_encryption = 'SSE-KMS' GROUP BY destination_kms_key_id ORDER BY 1
