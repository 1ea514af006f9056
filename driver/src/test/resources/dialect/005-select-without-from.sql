SELECT 1 + 2 AS three, 'in' || 'ventory' AS word, CAST(NULL AS VARCHAR) AS nothing, 7 / 2 AS half, 7 % 3 AS remainder
