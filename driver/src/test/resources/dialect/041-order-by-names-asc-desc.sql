SELECT region, name FROM buckets ORDER BY region DESC, name ASC
