-- AVG over INTEGER is a DOUBLE in both engines (H2's LENGTH is BIGINT, hence the CAST).
SELECT SUM(LENGTH(id)) AS total, AVG(CAST(LENGTH(id) AS INTEGER)) AS mean FROM bucket_inventory_configurations
