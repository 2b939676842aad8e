-- The views of V7 joined every row to the placement of all units, a CTE, which has no index: when
-- the planner expected a handful of rows (completeness estimates two per conference) it scanned all
-- 10,814 placements once per row, and one national conference before the reform took seconds. The
-- placements are now gathered once into one jsonb object keyed by unit id, which each row looks its
-- unit up in. Same columns and results as in V7.
CREATE OR REPLACE VIEW warehouse.participation_today AS
WITH placement AS MATERIALIZED (
    SELECT jsonb_object_agg(unit_id::text, jsonb_build_object('province', new_province_code, 'commune', new_code,
                                                              'by', placed_by, 'via', placed_via_code)) AS by_unit
    FROM tonghop.unit_placement
), point AS (
    SELECT p.*, c.start_date, h.kind AS host_kind, h.code AS host_code, h.parent_code AS host_parent_code,
           CASE WHEN c.start_date < DATE '2025-07-01'
                THEN coalesce(m.by_unit -> h.id::text, m.by_unit -> pu.id::text) END AS place
    FROM warehouse.participation p
    JOIN tonghop.conference c ON c.code = p.conference_code
    CROSS JOIN placement m
    LEFT JOIN tonghop.unit h ON h.code = p.host_unit_code
        AND (h.valid_from IS NULL OR h.valid_from <= c.start_date)
        AND (h.valid_to IS NULL OR h.valid_to >= c.start_date)
    LEFT JOIN tonghop.unit pu ON c.start_date < DATE '2025-07-01' AND pu.code = p.province_code
        AND (pu.valid_from IS NULL OR pu.valid_from <= c.start_date)
        AND (pu.valid_to IS NULL OR pu.valid_to >= c.start_date)
)
SELECT p.conference_code, p.province_code, p.district_code, p.reporting_unit_code, p.host_unit_code,
       p.point_name, p.point_level, p.format, p.session_date,
       p.members_attending, p.others_attending, p.participants, p.submission_id, p.source_row,
       CASE WHEN p.start_date >= DATE '2025-07-01' THEN p.province_code
            ELSE p.place ->> 'province' END AS today_province_code,
       CASE WHEN p.start_date >= DATE '2025-07-01'
                THEN CASE p.host_kind WHEN 'grassroots' THEN p.host_code WHEN 'cell' THEN p.host_parent_code END
            ELSE p.place ->> 'commune' END AS today_commune_code,
       CASE WHEN p.start_date >= DATE '2025-07-01' THEN 'in_force'
            ELSE p.place ->> 'by' END AS placed_by,
       p.place ->> 'via' AS placed_via_code
FROM point p;

CREATE OR REPLACE VIEW warehouse.participation_by_province_today AS
WITH placement AS MATERIALIZED (
    SELECT jsonb_object_agg(unit_id::text, new_province_code) AS by_unit
    FROM tonghop.unit_placement
), facts AS (
    SELECT conference_code, province_code, host_unit_code AS unit_code,
           count(*) AS points,
           count(*) FILTER (WHERE point_level = 'central') AS points_central,
           count(*) FILTER (WHERE point_level = 'province') AS points_province,
           count(*) FILTER (WHERE point_level = 'district') AS points_district,
           count(*) FILTER (WHERE point_level = 'grassroots') AS points_grassroots,
           count(*) FILTER (WHERE point_level = 'cell') AS points_cell,
           sum(participants) AS participants,
           sum(members_attending) AS members_attending,
           sum(others_attending) AS others_attending,
           NULL::bigint AS members_total, NULL::bigint AS members_studied,
           0 AS units_expected, 0 AS units_reported
    FROM warehouse.participation
    GROUP BY conference_code, province_code, host_unit_code
    UNION ALL
    SELECT conference_code, province_code, reporting_unit_code, 0, 0, 0, 0, 0, 0, 0, 0, 0,
           members_total, members_studied, 0, 0
    FROM warehouse.unit_coverage
    UNION ALL
    SELECT conference_code, province_code, unit_code, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, NULL,
           1, CASE WHEN reported THEN 1 ELSE 0 END
    FROM warehouse.completeness
), placed AS (
    SELECT f.*,
           CASE WHEN c.start_date >= DATE '2025-07-01' THEN f.province_code
                ELSE coalesce(m.by_unit ->> u.id::text, m.by_unit ->> pu.id::text) END AS today_province_code
    FROM facts f
    JOIN tonghop.conference c ON c.code = f.conference_code
    CROSS JOIN placement m
    LEFT JOIN tonghop.unit u ON c.start_date < DATE '2025-07-01' AND u.code = f.unit_code
        AND (u.valid_from IS NULL OR u.valid_from <= c.start_date)
        AND (u.valid_to IS NULL OR u.valid_to >= c.start_date)
    LEFT JOIN tonghop.unit pu ON c.start_date < DATE '2025-07-01' AND pu.code = f.province_code
        AND (pu.valid_from IS NULL OR pu.valid_from <= c.start_date)
        AND (pu.valid_to IS NULL OR pu.valid_to >= c.start_date)
), totals AS (
    SELECT conference_code, today_province_code AS province_code,
           sum(points)::bigint AS points,
           sum(points_central)::bigint AS points_central,
           sum(points_province)::bigint AS points_province,
           sum(points_district)::bigint AS points_district,
           sum(points_grassroots)::bigint AS points_grassroots,
           sum(points_cell)::bigint AS points_cell,
           sum(participants)::bigint AS participants,
           sum(members_attending)::bigint AS members_attending,
           sum(others_attending)::bigint AS others_attending,
           sum(members_total)::bigint AS members_total,
           sum(members_studied)::bigint AS members_studied,
           sum(units_expected)::bigint AS units_expected,
           sum(units_reported)::bigint AS units_reported
    FROM placed
    GROUP BY conference_code, today_province_code
)
SELECT t.conference_code,
       t.province_code,
       (SELECT u.name FROM tonghop.unit u
        WHERE u.code = t.province_code AND u.kind = 'province'
          AND (u.valid_from IS NULL OR u.valid_from <= current_date)
          AND (u.valid_to IS NULL OR u.valid_to >= current_date)
        ORDER BY u.valid_from DESC NULLS LAST LIMIT 1) AS province_name,
       t.points, t.points_central, t.points_province, t.points_district, t.points_grassroots, t.points_cell,
       t.participants, t.members_attending, t.others_attending,
       t.members_total,
       t.members_studied,
       CASE WHEN t.members_total > 0 THEN round(100.0 * t.members_studied / t.members_total, 1) END AS coverage_pct,
       t.units_expected,
       t.units_reported
FROM totals t;
