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
LEFT JOIN tonghop.unit_placement x ON c.start_date < DATE '2025-07-01' AND x.unit_id = h.id
LEFT JOIN tonghop.unit pu ON c.start_date < DATE '2025-07-01' AND pu.code = p.province_code
    AND (pu.valid_from IS NULL OR pu.valid_from <= c.start_date)
    AND (pu.valid_to IS NULL OR pu.valid_to >= c.start_date)
LEFT JOIN tonghop.unit_placement px ON px.unit_id = pu.id;

-- participation_by_province with the province of today: coverage follows the reporting unit and
-- completeness the expected unit, placed as points are.
CREATE VIEW warehouse.participation_by_province_today AS
WITH points AS (
    SELECT conference_code, today_province_code AS province_code,
           count(*) AS points,
           count(*) FILTER (WHERE point_level = 'central') AS points_central,
           count(*) FILTER (WHERE point_level = 'province') AS points_province,
           count(*) FILTER (WHERE point_level = 'district') AS points_district,
           count(*) FILTER (WHERE point_level = 'grassroots') AS points_grassroots,
           count(*) FILTER (WHERE point_level = 'cell') AS points_cell,
           sum(participants) AS participants,
           sum(members_attending) AS members_attending,
           sum(others_attending) AS others_attending
    FROM warehouse.participation_today
    GROUP BY conference_code, today_province_code
), coverage AS (
    SELECT v.conference_code,
           CASE WHEN c.start_date >= DATE '2025-07-01' THEN v.province_code
                ELSE coalesce(x.new_province_code, px.new_province_code) END AS province_code,
           sum(v.members_total) AS members_total,
           sum(v.members_studied) AS members_studied
    FROM warehouse.unit_coverage v
    JOIN tonghop.conference c ON c.code = v.conference_code
    LEFT JOIN tonghop.unit r ON c.start_date < DATE '2025-07-01' AND r.code = v.reporting_unit_code
        AND (r.valid_from IS NULL OR r.valid_from <= c.start_date)
        AND (r.valid_to IS NULL OR r.valid_to >= c.start_date)
    LEFT JOIN tonghop.unit_placement x ON x.unit_id = r.id
    LEFT JOIN tonghop.unit pu ON c.start_date < DATE '2025-07-01' AND pu.code = v.province_code
        AND (pu.valid_from IS NULL OR pu.valid_from <= c.start_date)
        AND (pu.valid_to IS NULL OR pu.valid_to >= c.start_date)
    LEFT JOIN tonghop.unit_placement px ON px.unit_id = pu.id
    GROUP BY 1, 2
), completeness AS (
    SELECT q.conference_code,
           CASE WHEN c.start_date >= DATE '2025-07-01' THEN q.province_code
                ELSE coalesce(x.new_province_code, px.new_province_code) END AS province_code,
           count(*) AS units_expected,
           count(*) FILTER (WHERE q.reported) AS units_reported
    FROM warehouse.completeness q
    JOIN tonghop.conference c ON c.code = q.conference_code
    LEFT JOIN tonghop.unit r ON c.start_date < DATE '2025-07-01' AND r.code = q.unit_code
        AND (r.valid_from IS NULL OR r.valid_from <= c.start_date)
        AND (r.valid_to IS NULL OR r.valid_to >= c.start_date)
    LEFT JOIN tonghop.unit_placement x ON x.unit_id = r.id
    LEFT JOIN tonghop.unit pu ON c.start_date < DATE '2025-07-01' AND pu.code = q.province_code
        AND (pu.valid_from IS NULL OR pu.valid_from <= c.start_date)
        AND (pu.valid_to IS NULL OR pu.valid_to >= c.start_date)
    LEFT JOIN tonghop.unit_placement px ON px.unit_id = pu.id
    GROUP BY 1, 2
), provinces AS (
    SELECT conference_code, province_code FROM points
    UNION SELECT conference_code, province_code FROM coverage
    UNION SELECT conference_code, province_code FROM completeness
)
SELECT k.conference_code,
       k.province_code,
       (SELECT u.name FROM tonghop.unit u
        WHERE u.code = k.province_code AND u.kind = 'province'
          AND (u.valid_from IS NULL OR u.valid_from <= current_date)
          AND (u.valid_to IS NULL OR u.valid_to >= current_date)
        ORDER BY u.valid_from DESC NULLS LAST LIMIT 1) AS province_name,
       coalesce(p.points, 0) AS points,
       coalesce(p.points_central, 0) AS points_central,
       coalesce(p.points_province, 0) AS points_province,
       coalesce(p.points_district, 0) AS points_district,
       coalesce(p.points_grassroots, 0) AS points_grassroots,
       coalesce(p.points_cell, 0) AS points_cell,
       coalesce(p.participants, 0) AS participants,
       coalesce(p.members_attending, 0) AS members_attending,
       coalesce(p.others_attending, 0) AS others_attending,
       v.members_total,
       v.members_studied,
       CASE WHEN v.members_total > 0 THEN round(100.0 * v.members_studied / v.members_total, 1) END AS coverage_pct,
       coalesce(q.units_expected, 0) AS units_expected,
       coalesce(q.units_reported, 0) AS units_reported
FROM provinces k
LEFT JOIN points p ON p.conference_code = k.conference_code AND p.province_code IS NOT DISTINCT FROM k.province_code
LEFT JOIN coverage v ON v.conference_code = k.conference_code AND v.province_code IS NOT DISTINCT FROM k.province_code
LEFT JOIN completeness q ON q.conference_code = k.conference_code
    AND q.province_code IS NOT DISTINCT FROM k.province_code;

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
