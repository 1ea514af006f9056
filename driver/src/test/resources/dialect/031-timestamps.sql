SELECT COUNT(*) AS created_after_2000, COUNT(creation_date) AS with_date FROM buckets
WHERE creation_date > {ts '2000-01-01 00:00:00'} AND creation_date >= {d '2000-01-02'}
