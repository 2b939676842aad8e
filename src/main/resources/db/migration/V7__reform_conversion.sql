-- The reform of 1 July 2025: the official conversion table and the views that roll any conference up
-- on today's 34 provinces. A code means something only with a date: a link names its old unit by
-- code and last day, its new commune by code and first day, and the views never join a code
-- without the date it was used on.
CREATE TABLE tonghop.unit_conversion (
    old_code          text NOT NULL,            -- an old commune, or a district the table links itself
    old_valid_to      date NOT NULL,            -- the old unit's last day
    new_code          text NOT NULL,            -- the new commune
    new_valid_from    date NOT NULL,            -- the new commune's first day
    old_kind          text NOT NULL CHECK (old_kind IN ('grassroots', 'district')),
    old_name          text NOT NULL,
    old_district_code text NOT NULL,
    old_province_code text NOT NULL,
    new_province_code text NOT NULL,
    share             text NOT NULL CHECK (share IN ('whole', 'partial')),
    whole_population  boolean NOT NULL,         -- the note says the new commune took all its people
    note              text NOT NULL,            -- Ghi chú, as written
    updated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (old_code, old_valid_to, new_code, new_valid_from),
    CHECK (old_valid_to < new_valid_from)
);
CREATE INDEX unit_conversion_new ON tonghop.unit_conversion (new_code, new_valid_from);

-- Each link ranked among its old unit's links; rank 1 is the one link the old unit counts for:
-- a link that took it whole, else the one that took its whole population, else the new commune
-- that kept its code, else the lowest new code.
CREATE VIEW tonghop.unit_conversion_ranked AS
SELECT l.*,
       row_number() OVER (PARTITION BY l.old_kind, l.old_code, l.old_valid_to
                          ORDER BY l.share = 'whole' DESC, l.whole_population DESC, l.new_code = l.old_code DESC,
                                   l.new_code) AS rank,
       CASE WHEN l.share = 'whole' THEN 'whole'
            WHEN l.whole_population THEN 'whole_population'
            WHEN l.new_code = l.old_code THEN 'kept_code'
            ELSE 'lowest_code' END AS rule
FROM tonghop.unit_conversion l;

CREATE VIEW warehouse.reform_link AS
SELECT r.old_kind, r.old_code, r.old_name, r.old_district_code, r.old_province_code, r.old_valid_to,
       r.new_code,
       (SELECT u.name FROM tonghop.unit u WHERE u.code = r.new_code AND u.valid_from = r.new_valid_from) AS new_name,
       r.new_province_code,
       (SELECT u.name FROM tonghop.unit u
        WHERE u.code = r.new_province_code AND u.valid_from = r.new_valid_from) AS new_province_name,
       r.new_valid_from, r.share, r.whole_population, r.note,
       r.rank = 1 AS counts
FROM tonghop.unit_conversion_ranked r;

-- One row per old unit: a commune goes where its counting link goes; a district and an old
-- province go to the new province that received most of their old units (communes, and the
-- district itself where the table links it directly), ties to the lowest province code.
CREATE VIEW warehouse.reform_successor AS
WITH counted AS (
    SELECT * FROM tonghop.unit_conversion_ranked WHERE rank = 1
), received AS (
    SELECT 'district' AS old_kind, old_district_code AS old_code, old_valid_to, new_valid_from, new_province_code,
           count(*) AS units_received,
           sum(count(*)) OVER (PARTITION BY old_district_code, old_valid_to) AS units_total
    FROM counted
    GROUP BY old_district_code, old_valid_to, new_valid_from, new_province_code
    UNION ALL
    SELECT 'province', old_province_code, old_valid_to, new_valid_from, new_province_code,
           count(*),
           sum(count(*)) OVER (PARTITION BY old_province_code, old_valid_to)
    FROM counted
    GROUP BY old_province_code, old_valid_to, new_valid_from, new_province_code
), majority AS (
    SELECT DISTINCT ON (old_kind, old_code, old_valid_to) *
    FROM received
    ORDER BY old_kind, old_code, old_valid_to, units_received DESC, new_province_code
), successor AS (
    SELECT c.old_kind, c.old_code, c.old_valid_to, c.old_name, c.new_valid_from, c.new_province_code, c.new_code,
           c.rule, NULL::bigint AS units_received, NULL::bigint AS units_total
    FROM counted c
    WHERE c.old_kind = 'grassroots'
    UNION ALL
    SELECT m.old_kind, m.old_code, m.old_valid_to,
           (SELECT u.name FROM tonghop.unit u
            WHERE u.code = m.old_code AND u.kind = m.old_kind
              AND (u.valid_from IS NULL OR u.valid_from <= m.old_valid_to)
              AND (u.valid_to IS NULL OR u.valid_to >= m.old_valid_to)
            ORDER BY u.valid_from DESC NULLS LAST LIMIT 1),
           m.new_valid_from, m.new_province_code, NULL, 'most_units', m.units_received, m.units_total::bigint
    FROM majority m
)
SELECT s.old_kind, s.old_code, s.old_valid_to, s.old_name, s.new_valid_from,
       s.new_province_code,
       (SELECT u.name FROM tonghop.unit u
        WHERE u.code = s.new_province_code AND u.valid_from = s.new_valid_from) AS new_province_name,
       s.new_code,
       (SELECT u.name FROM tonghop.unit u WHERE u.code = s.new_code AND u.valid_from = s.new_valid_from) AS new_name,
       s.rule, s.units_received, s.units_total
FROM successor s;

-- Where each unit of the tree before the reform counts today: the nearest of itself and its
-- parents (up to three levels, as the tree stood on the unit's last day before the reform) that
-- still existed on 30 June 2025 and that reform_successor places. Cells reach their commune,
-- party committees (Đảng ủy Khối, police, hospitals) their district or province.
CREATE VIEW tonghop.unit_placement AS
WITH RECURSIVE chain (unit_id, seen_on, depth, code, kind, parent_code, on_last_day) AS (
    SELECT u.id, least(coalesce(u.valid_to, DATE '2025-06-30'), DATE '2025-06-30'), 0, u.code, u.kind,
           u.parent_code, u.valid_to IS NULL OR u.valid_to >= DATE '2025-06-30'
    FROM tonghop.unit u
    WHERE u.valid_from IS NULL OR u.valid_from <= DATE '2025-06-30'
    UNION ALL
    SELECT c.unit_id, c.seen_on, c.depth + 1, p.code, p.kind, p.parent_code,
           p.valid_to IS NULL OR p.valid_to >= DATE '2025-06-30'
    FROM chain c
    JOIN tonghop.unit p ON p.code = c.parent_code
        AND (p.valid_from IS NULL OR p.valid_from <= c.seen_on)
        AND (p.valid_to IS NULL OR p.valid_to >= c.seen_on)
    WHERE c.depth < 3
)
SELECT DISTINCT ON (c.unit_id)
       c.unit_id, s.new_province_code, s.new_code,
       CASE c.kind WHEN 'grassroots' THEN 'commune' ELSE c.kind END AS placed_by,
       c.code AS placed_via_code
FROM chain c
JOIN warehouse.reform_successor s
    ON s.old_code = c.code AND s.old_kind = c.kind AND s.old_valid_to = DATE '2025-06-30'
WHERE c.on_last_day
ORDER BY c.unit_id, c.depth;

-- Every point with where it counts today. Conferences from 1 July 2025 are already on today's
-- structure; earlier ones are placed through their host unit as it stood on the conference date,
-- else through their province. A point that cannot be placed has no today_province_code: an old
-- code is never passed off as a new one.
CREATE VIEW warehouse.participation_today AS
WITH placement AS MATERIALIZED (
    SELECT * FROM tonghop.unit_placement
)
SELECT p.conference_code, p.province_code, p.district_code, p.reporting_unit_code, p.host_unit_code,
       p.point_name, p.point_level, p.format, p.session_date,
       p.members_attending, p.others_attending, p.participants, p.submission_id, p.source_row,
       CASE WHEN c.start_date >= DATE '2025-07-01' THEN p.province_code
            ELSE coalesce(x.new_province_code, px.new_province_code) END AS today_province_code,
       CASE WHEN c.start_date >= DATE '2025-07-01'
                THEN CASE h.kind WHEN 'grassroots' THEN h.code WHEN 'cell' THEN h.parent_code END
            ELSE x.new_code END AS today_commune_code,
       CASE WHEN c.start_date >= DATE '2025-07-01' THEN 'in_force'
            ELSE coalesce(x.placed_by, px.placed_by) END AS placed_by,
       CASE WHEN c.start_date < DATE '2025-07-01' THEN coalesce(x.placed_via_code, px.placed_via_code) END
           AS placed_via_code
FROM warehouse.participation p
JOIN tonghop.conference c ON c.code = p.conference_code
LEFT JOIN tonghop.unit h ON h.code = p.host_unit_code
    AND (h.valid_from IS NULL OR h.valid_from <= c.start_date)
    AND (h.valid_to IS NULL OR h.valid_to >= c.start_date)
LEFT JOIN placement x ON c.start_date < DATE '2025-07-01' AND x.unit_id = h.id
LEFT JOIN tonghop.unit pu ON c.start_date < DATE '2025-07-01' AND pu.code = p.province_code
    AND (pu.valid_from IS NULL OR pu.valid_from <= c.start_date)
    AND (pu.valid_to IS NULL OR pu.valid_to >= c.start_date)
LEFT JOIN placement px ON px.unit_id = pu.id;

-- participation_by_province on today's provinces: points follow their host unit, coverage the
-- reporting unit, completeness the expected unit, each placed as participation_today places
-- points. Points are first added up per host unit, so each host is placed once, not each point.
CREATE VIEW warehouse.participation_by_province_today AS
WITH placement AS MATERIALIZED (
    SELECT * FROM tonghop.unit_placement
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
                ELSE coalesce(x.new_province_code, px.new_province_code) END AS today_province_code
    FROM facts f
    JOIN tonghop.conference c ON c.code = f.conference_code
    LEFT JOIN tonghop.unit u ON c.start_date < DATE '2025-07-01' AND u.code = f.unit_code
        AND (u.valid_from IS NULL OR u.valid_from <= c.start_date)
        AND (u.valid_to IS NULL OR u.valid_to >= c.start_date)
    LEFT JOIN placement x ON x.unit_id = u.id
    LEFT JOIN tonghop.unit pu ON c.start_date < DATE '2025-07-01' AND pu.code = f.province_code
        AND (pu.valid_from IS NULL OR pu.valid_from <= c.start_date)
        AND (pu.valid_to IS NULL OR pu.valid_to >= c.start_date)
    LEFT JOIN placement px ON px.unit_id = pu.id
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

-- The analysts' role reads the new views too (V5's default privileges cover a role that existed
-- then; this covers one an administrator created since).
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'warehouse_analyst') THEN
        GRANT SELECT ON warehouse.reform_link, warehouse.reform_successor, warehouse.participation_today,
            warehouse.participation_by_province_today TO warehouse_analyst;
    END IF;
END
$$;
