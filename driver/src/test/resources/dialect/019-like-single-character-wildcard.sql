-- _ matches any one character: both daily-csv and dailyXcsv.
SELECT bucket, id FROM bucket_inventory_configurations WHERE id LIKE 'daily_csv' ORDER BY 1, 2
