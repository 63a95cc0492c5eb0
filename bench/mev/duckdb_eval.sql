-- Market-survey evaluation (Markterkundungsverfahren) in DuckDB: the
-- per-municipality table of `dias broadband evaluate` (DIR/municipalities.csv)
-- computed from the same two CSV files, for bench/mev.sh.
--
-- Placeholders, filled in by duckdb_eval.py (values are checked there):
--   {{addresses}} {{responses}} {{out}}  quoted file paths
--   {{survey_start}}                     DATE 'YYYY-MM-DD'
--   {{horizon_years}}                    integer
--   {{supplied}}                         the rule set's condition over `down`, `up`
--                                        (Gigabit-RL 2.0: (down >= 500 AND up >= 0)
--                                         OR (down >= 200 AND up >= 200))
--   {{socio_rule}}                       true under Gigabit-RL 1.0, else false
--
-- The row validation mirrors crates/dias-mev/src/input.rs (see
-- README.md, "Validation mirrored"): a row the engine rejects is left out
-- here too, so the counts are comparable on any input, not only on the
-- generator's (which has no invalid rows).

-- Performance notes: DuckDB inlines a projection's expressions into every
-- filter that references them (no common-subexpression elimination in
-- filters), so validity is computed once per row as a boolean column in a
-- projection and consumed by aggregates (bool_or / count_if), never by a
-- WHERE over derived columns. The trim of csv's Trim::All is applied only
-- to fields that start or end with whitespace.

-- Text of a field as the engine sees it: csv's Trim::All (ASCII whitespace
-- space, \t, \n, \f, \r); an empty field is '' (DuckDB reads it as NULL).
CREATE OR REPLACE TEMP MACRO fld(x) AS
    CASE
        WHEN x IS NULL THEN ''
        WHEN ascii(x) IN (9, 10, 12, 13, 32) OR ascii(right(x, 1)) IN (9, 10, 12, 13, 32)
            THEN trim(x, ' ' || chr(9) || chr(10) || chr(12) || chr(13))
        ELSE x
    END;
-- Rust's `str::parse::<u32>`: optional '+', decimal digits, at most 2^32 - 1.
CREATE OR REPLACE TEMP MACRO is_u32(x) AS
    regexp_full_match(x, '\+?[0-9]+') AND TRY_CAST(x AS HUGEINT) <= 4294967295;
-- Rust's `str::parse::<f32>`; DuckDB's cast also takes '1_000' and '+-1',
-- Rust does not.
CREATE OR REPLACE TEMP MACRO f32(x) AS
    CASE
        WHEN NOT contains(x, '_') AND NOT (left(x, 1) IN ('+', '-') AND substr(x, 2, 1) IN ('+', '-'))
            THEN TRY_CAST(x AS FLOAT)
    END;
-- An ISO date as jiff reads it in practice: YYYY-MM-DD or YYYYMMDD, valid day.
CREATE OR REPLACE TEMP MACRO iso_date(x) AS
    CASE
        WHEN length(x) = 10 AND substr(x, 5, 1) = '-' AND substr(x, 8, 1) = '-'
            AND regexp_full_match(x, '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN TRY_CAST(x AS DATE)
        WHEN length(x) = 8 AND regexp_full_match(x, '[0-9]{8}') THEN TRY_STRPTIME(x, '%Y%m%d')::DATE
    END;

COPY (
WITH
address_fields AS (
    SELECT
        row_number() OVER () AS line,
        fld(address_id) AS id,
        fld(ags8) AS ags8,
        lower(fld(usage)) AS usage,
        fld(households) AS households,
        fld(businesses) AS businesses,
        fld(lat) AS lat,
        fld(lon) AS lon
    FROM read_csv({{addresses}}, header = true, all_varchar = true, delim = ',',
                  quote = '"', escape = '"', ignore_errors = true)
),
address_rows AS (
    SELECT
        line, id, ags8,
        usage IN ('sozioökonomisch', 'soziooekonomisch') AS socio,
        CASE WHEN households = '' THEN 0 ELSE TRY_CAST(households AS UBIGINT) END AS households,
        CASE WHEN businesses = '' THEN 0 ELSE TRY_CAST(businesses AS UBIGINT) END AS businesses,
        id <> ''
            AND length(ags8) = 8 AND regexp_full_match(ags8, '[0-9]{8}')
            AND usage IN ('privat', 'gewerblich', 'sozioökonomisch', 'soziooekonomisch')
            AND (households = '' OR is_u32(households))
            AND (businesses = '' OR is_u32(businesses))
            AND (lat = '' OR abs(f32(lat)) <= 90)
            AND (lon = '' OR abs(f32(lon)) <= 180) AS valid
    FROM address_fields
),
-- One row per address_id: the first valid row counts (a repeated id is
-- rejected, an invalid row does not block a later valid one).
addresses AS (
    SELECT
        id,
        arg_min(ags8, line) AS ags8,
        arg_min(socio, line) AS socio,
        arg_min(households, line) AS households,
        arg_min(businesses, line) AS businesses
    FROM address_rows
    WHERE valid
    GROUP BY id
),
response_fields AS (
    SELECT
        fld(address_id) AS id,
        fld(operator) AS operator,
        upper(fld(technology)) AS technology,
        f32(replace(fld(down_mbps), ',', '.')) AS down,
        f32(replace(fld(up_mbps), ',', '.')) AS up,
        lower(fld(kind)) AS kind,
        fld(planned_date) AS planned_date_text,
        lower(fld(milestone_plan)) AS milestone_plan
    FROM read_csv({{responses}}, header = true, all_varchar = true, delim = ',',
                  quote = '"', escape = '"', ignore_errors = true)
),
response_typed AS (
    SELECT
        id, technology, down, up, kind, milestone_plan,
        planned_date_text,
        CASE WHEN planned_date_text <> '' THEN iso_date(planned_date_text) END AS planned_date,
        operator <> ''
            AND technology IN ('FTTH', 'FTTB', 'HFC', 'VDSL', 'ADSL', 'OTHER', '5G', 'LTE', 'SAT')
            AND down BETWEEN 0 AND 100000   -- NULL (no number), NaN and ±inf fail
            AND up BETWEEN 0 AND 100000
            AND NOT (technology IN ('VDSL', 'ADSL') AND up > down)
            AND kind IN ('current', 'planned')
            AND milestone_plan IN ('yes', 'ja', 'no', 'nein', '') AS valid_fields
    FROM response_fields
),
-- Per row: valid (as the engine), and whether it supplies the address now
-- or as a counted plan (fixed technology, milestone plan, due within the
-- horizon). Mobile and satellite never count.
response_flags AS (
    SELECT
        id,
        valid_fields
            AND (planned_date_text = '' OR planned_date IS NOT NULL)
            AND (kind = 'current' OR planned_date >= {{survey_start}})
            AND technology NOT IN ('5G', 'LTE', 'SAT')
            AND ({{supplied}}) AS counts,
        kind = 'current' AS is_current,
        milestone_plan IN ('yes', 'ja')
            AND planned_date <= CAST({{survey_start}} + INTERVAL ({{horizon_years}}) YEAR AS DATE)
            AS plan_in_time
    FROM response_typed
),
-- "The best offer supplies" is "some offer supplies": the engine ranks
-- supplying offers first. Exact duplicate rows cannot change this, so they
-- need no removal here; unknown address ids fall out in the join below.
per_address AS (
    SELECT
        id,
        bool_or(counts AND is_current) AS supplied_now,
        bool_or(counts AND NOT is_current AND plan_in_time) AS supplied_planned
    FROM response_flags
    GROUP BY id
),
status AS (
    SELECT
        a.ags8,
        CASE
            WHEN coalesce(p.supplied_now, false) THEN 'versorgt'
            WHEN NOT ({{socio_rule}} AND a.socio) AND coalesce(p.supplied_planned, false)
                THEN 'eigenwirtschaftlich_geplant'
            ELSE 'foerderfaehig'
        END AS status,
        a.households,
        a.businesses
    FROM addresses a
    LEFT JOIN per_address p USING (id)
),
counts AS (
    SELECT ags8, status, count(*) AS addresses, sum(households) AS households,
           sum(businesses) AS businesses
    FROM status
    GROUP BY ags8, status
),
-- Three rows per municipality with addresses, zero rows included, in the
-- engine's order (versorgt, eigenwirtschaftlich_geplant, foerderfaehig).
statuses(rank, status) AS (
    VALUES (1, 'versorgt'), (2, 'eigenwirtschaftlich_geplant'), (3, 'foerderfaehig')
)
SELECT m.ags8, s.status, coalesce(c.addresses, 0) AS addresses,
       coalesce(c.households, 0) AS households, coalesce(c.businesses, 0) AS businesses
FROM (SELECT DISTINCT ags8 FROM counts) m
CROSS JOIN statuses s
LEFT JOIN counts c ON c.ags8 = m.ags8 AND c.status = s.status
ORDER BY m.ags8, s.rank
) TO {{out}} (FORMAT csv, HEADER true);
