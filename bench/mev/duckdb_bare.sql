-- The classification alone, without row validation: typed CSV read, one
-- GROUP BY per address, one per municipality. Same placeholders as
-- duckdb_eval.sql. Correct only on clean input (such as the generator's):
-- it does not reject anything, a single bad value fails the whole query, a
-- repeated address id counts twice. bench/mev.sh reports it beside the
-- validating query as DuckDB's lower bound for this job.
COPY (
WITH
per_address AS (
    SELECT
        address_id,
        bool_or(kind = 'current' AND ({{supplied}})) AS supplied_now,
        bool_or(kind = 'planned' AND milestone_plan = 'yes'
                AND planned_date <= CAST({{survey_start}} + INTERVAL ({{horizon_years}}) YEAR AS DATE)
                AND ({{supplied}})) AS supplied_planned
    FROM (
        SELECT address_id, kind, milestone_plan, planned_date, down_mbps AS down, up_mbps AS up, technology
        FROM read_csv({{responses}}, header = true,
                      types = {'address_id': 'VARCHAR', 'down_mbps': 'FLOAT', 'up_mbps': 'FLOAT',
                               'planned_date': 'DATE', 'milestone_plan': 'VARCHAR', 'kind': 'VARCHAR',
                               'technology': 'VARCHAR'})
    )
    WHERE technology NOT IN ('5G', 'LTE', 'SAT')
    GROUP BY address_id
),
status AS (
    SELECT
        a.ags8,
        CASE
            WHEN coalesce(p.supplied_now, false) THEN 1
            WHEN NOT ({{socio_rule}} AND a.usage = 'sozioökonomisch') AND coalesce(p.supplied_planned, false) THEN 2
            ELSE 3
        END AS rank,
        a.households,
        a.businesses
    FROM read_csv({{addresses}}, header = true,
                  types = {'address_id': 'VARCHAR', 'ags8': 'VARCHAR', 'usage': 'VARCHAR',
                           'households': 'UBIGINT', 'businesses': 'UBIGINT', 'postcode': 'VARCHAR',
                           'house_number': 'VARCHAR'}) a
    LEFT JOIN per_address p USING (address_id)
),
counts AS (
    SELECT ags8, rank, count(*) AS addresses, sum(households) AS households, sum(businesses) AS businesses
    FROM status
    GROUP BY ags8, rank
),
statuses(rank, status) AS (
    VALUES (1, 'versorgt'), (2, 'eigenwirtschaftlich_geplant'), (3, 'foerderfaehig')
)
SELECT m.ags8, s.status, coalesce(c.addresses, 0) AS addresses,
       coalesce(c.households, 0) AS households, coalesce(c.businesses, 0) AS businesses
FROM (SELECT DISTINCT ags8 FROM counts) m
CROSS JOIN statuses s
LEFT JOIN counts c ON c.ags8 = m.ags8 AND c.rank = s.rank
ORDER BY m.ags8, s.rank
) TO {{out}} (FORMAT csv, HEADER true);
