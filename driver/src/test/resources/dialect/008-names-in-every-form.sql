-- 1-, 2- and 3-part names, any case.
SELECT (SELECT COUNT(*) FROM BUCKETS) AS one_part, (SELECT COUNT(*) FROM S3.Buckets) AS two_parts,
  (SELECT COUNT(*) FROM Aws.S3.BUCKETS) AS three_parts
