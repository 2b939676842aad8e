-- participation_by_unit joined its points to unit_coverage by a FULL JOIN and filtered on
-- coalesce(...) of both sides, which the planner cannot push below the join: asking for one
-- conference, one province or one unit aggregated every row of participation, of every conference
-- (10 s for one unit over 4 million rows). The units with points and those with a unit summary
-- only are now the two branches of a UNION ALL, each keyed by the table's own columns, so a filter
-- on conference_code or reporting_unit_code reaches the index. Same columns and results as in V27.
CREATE OR REPLACE VIEW warehouse.participation_by_unit AS
WITH points AS (
    SELECT conference_code, reporting_unit_code,
           min(province_code) AS province_code,
           count(*) AS points,
           count(*) FILTER (WHERE point_level = 'central') AS points_central,
           count(*) FILTER (WHERE point_level = 'province') AS points_province,
           count(*) FILTER (WHERE point_level = 'district') AS points_district,
           count(*) FILTER (WHERE point_level = 'grassroots') AS points_grassroots,
           count(*) FILTER (WHERE point_level = 'cell') AS points_cell,
           sum(participants) AS participants,
           sum(members_attending) AS members_attending,
           sum(others_attending) AS others_attending
    FROM warehouse.participation
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
