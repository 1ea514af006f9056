SeLeCt ID, Bucket FrOm S3.Bucket_Inventory_Configurations WhErE Destination_Format = 'ORC' oRdEr By bucket, id
