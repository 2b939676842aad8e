-- participation_by_unit summed every point of the conference for every page of the units listing
-- (1.5-2.0 s over 1.45 million rows), with a province filter too: a unit's province_code is min()
-- of its rows, so no filter reaches below the aggregate. The deltas V11's triggers append are now
-- kept per (conference, province, reporting unit), not per (conference, province): every load
-- writes one unit's rows in one statement, so they append as many rows as before and group by one
-- more column of the same value; participation_province_total sums them per province as before.
-- participation_by_unit takes its points and sums from them: a few rows per unit, not its points.
-- Same columns and figures as in V28.

-- Keeps writers out until this migration commits, so that nothing slips past the rebuilt deltas.
LOCK TABLE warehouse.participation IN SHARE ROW EXCLUSIVE MODE;

ALTER TABLE warehouse.participation_province_delta ADD COLUMN reporting_unit_code text;
DELETE FROM warehouse.participation_province_delta;
INSERT INTO warehouse.participation_province_delta (conference_code, province_code, reporting_unit_code, points,
    points_central, points_province, points_district, points_grassroots, points_cell, participants,
    members_attending, others_attending)
SELECT conference_code, province_code, reporting_unit_code, count(*),
       count(*) FILTER (WHERE point_level = 'central'),
       count(*) FILTER (WHERE point_level = 'province'),
       count(*) FILTER (WHERE point_level = 'district'),
       count(*) FILTER (WHERE point_level = 'grassroots'),
       count(*) FILTER (WHERE point_level = 'cell'),
       sum(participants), sum(members_attending), sum(others_attending)
FROM warehouse.participation
GROUP BY conference_code, province_code, reporting_unit_code;
ALTER TABLE warehouse.participation_province_delta ALTER COLUMN reporting_unit_code SET NOT NULL;

DROP INDEX warehouse.participation_province_delta_key;
CREATE INDEX participation_province_delta_key
    ON warehouse.participation_province_delta (conference_code, province_code, reporting_unit_code);

CREATE OR REPLACE FUNCTION warehouse.participation_province_delta_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM warehouse.participation_province_delta;
        RETURN NULL;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO warehouse.participation_province_delta (conference_code, province_code, reporting_unit_code,
            points, points_central, points_province, points_district, points_grassroots, points_cell,
            participants, members_attending, others_attending)
        SELECT conference_code, province_code, reporting_unit_code, count(*),
               count(*) FILTER (WHERE point_level = 'central'),
               count(*) FILTER (WHERE point_level = 'province'),
               count(*) FILTER (WHERE point_level = 'district'),
               count(*) FILTER (WHERE point_level = 'grassroots'),
               count(*) FILTER (WHERE point_level = 'cell'),
               sum(participants), sum(members_attending), sum(others_attending)
        FROM new_rows GROUP BY conference_code, province_code, reporting_unit_code;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        INSERT INTO warehouse.participation_province_delta (conference_code, province_code, reporting_unit_code,
            points, points_central, points_province, points_district, points_grassroots, points_cell,
            participants, members_attending, others_attending)
        SELECT conference_code, province_code, reporting_unit_code, -count(*),
               -count(*) FILTER (WHERE point_level = 'central'),
               -count(*) FILTER (WHERE point_level = 'province'),
               -count(*) FILTER (WHERE point_level = 'district'),
               -count(*) FILTER (WHERE point_level = 'grassroots'),
               -count(*) FILTER (WHERE point_level = 'cell'),
               -sum(participants), -sum(members_attending), -sum(others_attending)
        FROM old_rows GROUP BY conference_code, province_code, reporting_unit_code;
    END IF;
    RETURN NULL;
END
$$;

-- A unit's rows in a province whose deltas add up to no points are gone, as they are from the
-- table; its province_code is the least of those left, as min() of its rows gives.
CREATE OR REPLACE VIEW warehouse.participation_by_unit AS
WITH unit_points AS (
    SELECT conference_code, province_code, reporting_unit_code,
           sum(points) AS points,
           sum(points_central) AS points_central,
           sum(points_province) AS points_province,
           sum(points_district) AS points_district,
           sum(points_grassroots) AS points_grassroots,
           sum(points_cell) AS points_cell,
           sum(participants) AS participants,
           sum(members_attending) AS members_attending,
           sum(others_attending) AS others_attending
    FROM warehouse.participation_province_delta
    GROUP BY conference_code, province_code, reporting_unit_code
    HAVING sum(points) <> 0
), points AS (
    SELECT conference_code, reporting_unit_code,
           min(province_code) AS province_code,
           sum(points)::bigint AS points,
           sum(points_central)::bigint AS points_central,
           sum(points_province)::bigint AS points_province,
           sum(points_district)::bigint AS points_district,
           sum(points_grassroots)::bigint AS points_grassroots,
           sum(points_cell)::bigint AS points_cell,
           sum(participants)::bigint AS participants,
           sum(members_attending)::bigint AS members_attending,
           sum(others_attending)::bigint AS others_attending
    FROM unit_points
    GROUP BY conference_code, reporting_unit_code
), measures AS (
    SELECT p.conference_code, p.province_code, p.reporting_unit_code,
           p.points, p.points_central, p.points_province, p.points_district, p.points_grassroots, p.points_cell,
           p.participants, p.members_attending, p.others_attending,
           v.members_total, v.members_studied, v.coverage_pct
    FROM points p
    LEFT JOIN warehouse.unit_coverage v
        ON v.conference_code = p.conference_code AND v.reporting_unit_code = p.reporting_unit_code
    UNION ALL
    SELECT v.conference_code, v.province_code, v.reporting_unit_code,
           0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint,
           0::bigint, 0::bigint, 0::bigint,
           v.members_total, v.members_studied, v.coverage_pct
    FROM warehouse.unit_coverage v
    WHERE NOT EXISTS (SELECT 1 FROM warehouse.participation p
                      WHERE p.conference_code = v.conference_code AND p.reporting_unit_code = v.reporting_unit_code)
)
SELECT m.conference_code,
       m.province_code,
       (SELECT u.name FROM tonghop.unit u
        WHERE u.code = m.province_code
          AND (u.valid_from IS NULL OR u.valid_from <= c.start_date)
          AND (u.valid_to IS NULL OR u.valid_to >= c.start_date)
        ORDER BY u.valid_from DESC NULLS LAST LIMIT 1) AS province_name,
       CASE WHEN c.start_date < DATE '2025-07-01' THEN (
           WITH RECURSIVE up (code, kind, parent_code, depth) AS (
               SELECT u.code, u.kind, u.parent_code, 0
               FROM tonghop.unit u
               WHERE u.code = m.reporting_unit_code
                 AND (u.valid_from IS NULL OR u.valid_from <= c.start_date)
                 AND (u.valid_to IS NULL OR u.valid_to >= c.start_date)
               UNION ALL
               SELECT p.code, p.kind, p.parent_code, up.depth + 1
               FROM up
               JOIN tonghop.unit p ON p.code = up.parent_code
                   AND (p.valid_from IS NULL OR p.valid_from <= c.start_date)
                   AND (p.valid_to IS NULL OR p.valid_to >= c.start_date)
               WHERE up.kind NOT IN ('district', 'province') AND up.depth < 16
           )
           SELECT code FROM up WHERE kind = 'district' ORDER BY depth LIMIT 1) END AS district_code,
       m.reporting_unit_code,
       (SELECT u.name FROM tonghop.unit u
        WHERE u.code = m.reporting_unit_code
          AND (u.valid_from IS NULL OR u.valid_from <= c.start_date)
          AND (u.valid_to IS NULL OR u.valid_to >= c.start_date)
        ORDER BY u.valid_from DESC NULLS LAST LIMIT 1) AS reporting_unit_name,
       m.points, m.points_central, m.points_province, m.points_district, m.points_grassroots, m.points_cell,
       m.participants, m.members_attending, m.others_attending,
       m.members_total, m.members_studied, m.coverage_pct,
       (q.unit_code IS NOT NULL)::int::bigint AS units_expected,
       coalesce(q.reported, false)::int::bigint AS units_reported
FROM measures m
JOIN tonghop.conference c ON c.code = m.conference_code
LEFT JOIN warehouse.completeness q
    ON q.conference_code = m.conference_code AND q.unit_code = m.reporting_unit_code;
