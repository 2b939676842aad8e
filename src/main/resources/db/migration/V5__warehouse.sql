-- The analysts' interface (warehouse.md). Names and columns here change only with a migration
-- and a note in the README.
CREATE TABLE warehouse.participation (
    conference_code     text NOT NULL,
    province_code       text NOT NULL,
    district_code       text,
    reporting_unit_code text NOT NULL,
    host_unit_code      text NOT NULL,
    point_name          text NOT NULL,
    point_level         text NOT NULL CHECK (point_level IN ('central', 'province', 'district', 'grassroots', 'cell')),
    format              text NOT NULL CHECK (format IN ('online', 'in_person', 'recorded')),
    session_date        date NOT NULL,
    members_attending   integer NOT NULL CHECK (members_attending >= 0),
    others_attending    integer NOT NULL CHECK (others_attending >= 0),
    participants        integer NOT NULL CHECK (participants = members_attending + others_attending),
    submission_id       bigint NOT NULL,
    source_row          integer NOT NULL
);
CREATE INDEX participation_conference ON warehouse.participation (conference_code, province_code, reporting_unit_code);
CREATE INDEX participation_submission ON warehouse.participation (submission_id);

CREATE TABLE warehouse.unit_coverage (
    conference_code     text NOT NULL,
    province_code       text NOT NULL,
    district_code       text,
    reporting_unit_code text NOT NULL,
    members_total       integer NOT NULL CHECK (members_total >= 0),
    members_studied     integer NOT NULL CHECK (members_studied >= 0),
    coverage_pct        numeric(4, 1) NOT NULL CHECK (coverage_pct BETWEEN 0 AND 100),
    submission_id       bigint NOT NULL,
    PRIMARY KEY (conference_code, reporting_unit_code)
);

-- Expected reporters: for each province in scope, the province itself and every district-kind
-- unit under it valid on the conference date (every grassroots unit instead from 1 July 2025).
-- Lookups are inlined (no functions) so the analyst role needs rights on warehouse only.
CREATE VIEW warehouse.completeness AS
WITH province AS (
    SELECT c.code AS conference_code, c.start_date, c.deadline, u.code AS province_code
    FROM tonghop.conference c
    JOIN tonghop.unit u ON u.kind = 'province'
        AND (u.valid_from IS NULL OR u.valid_from <= c.start_date)
        AND (u.valid_to IS NULL OR u.valid_to >= c.start_date)
        AND (c.scope IS NULL OR u.code = ANY (c.scope))
), expected AS (
    SELECT p.conference_code, p.start_date, p.deadline, p.province_code, p.province_code AS unit_code
    FROM province p
    UNION
    SELECT p.conference_code, p.start_date, p.deadline, p.province_code, u.code
    FROM province p
    JOIN tonghop.unit u ON u.parent_code = p.province_code
        AND u.kind = CASE WHEN p.start_date >= DATE '2025-07-01' THEN 'grassroots' ELSE 'district' END
        AND (u.valid_from IS NULL OR u.valid_from <= p.start_date)
        AND (u.valid_to IS NULL OR u.valid_to >= p.start_date)
), reported AS (
    SELECT s.conference_code, s.unit_code, min(s.received_at) AS submitted_at
    FROM tonghop.submission s
    WHERE s.state IN ('accepted', 'accepted_with_warnings')
      AND EXISTS (SELECT 1 FROM tonghop.submission c
                  WHERE c.is_current AND c.unit_code = s.unit_code AND c.conference_code = s.conference_code)
    GROUP BY s.conference_code, s.unit_code
)
SELECT e.conference_code,
       e.province_code,
       e.unit_code,
       (SELECT u.name FROM tonghop.unit u
        WHERE u.code = e.unit_code
          AND (u.valid_from IS NULL OR u.valid_from <= e.start_date)
          AND (u.valid_to IS NULL OR u.valid_to >= e.start_date)
        ORDER BY u.valid_from DESC NULLS LAST LIMIT 1) AS unit_name,
       r.submitted_at IS NOT NULL AS reported,
       r.submitted_at,
       e.deadline,
       CASE WHEN r.submitted_at IS NULL THEN NULL
            ELSE (r.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= e.deadline END AS on_time
FROM expected e
LEFT JOIN reported r ON r.conference_code = e.conference_code AND r.unit_code = e.unit_code;

CREATE VIEW warehouse.participation_by_unit AS
WITH points AS (
    SELECT conference_code, reporting_unit_code,
           min(province_code) AS province_code,
           min(district_code) AS district_code,
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
    SELECT coalesce(p.conference_code, v.conference_code) AS conference_code,
           coalesce(p.province_code, v.province_code) AS province_code,
           coalesce(p.district_code, v.district_code) AS district_code,
           coalesce(p.reporting_unit_code, v.reporting_unit_code) AS reporting_unit_code,
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
           v.coverage_pct
    FROM points p
    FULL JOIN warehouse.unit_coverage v
        ON v.conference_code = p.conference_code AND v.reporting_unit_code = p.reporting_unit_code
)
SELECT m.conference_code,
       m.province_code,
       (SELECT u.name FROM tonghop.unit u
        WHERE u.code = m.province_code
          AND (u.valid_from IS NULL OR u.valid_from <= c.start_date)
          AND (u.valid_to IS NULL OR u.valid_to >= c.start_date)
        ORDER BY u.valid_from DESC NULLS LAST LIMIT 1) AS province_name,
       m.district_code,
       m.reporting_unit_code,
       (SELECT u.name FROM tonghop.unit u
        WHERE u.code = m.reporting_unit_code
          AND (u.valid_from IS NULL OR u.valid_from <= c.start_date)
          AND (u.valid_to IS NULL OR u.valid_to >= c.start_date)
        ORDER BY u.valid_from DESC NULLS LAST LIMIT 1) AS reporting_unit_name,
       m.points, m.points_central, m.points_province, m.points_district, m.points_grassroots, m.points_cell,
       m.participants, m.members_attending, m.others_attending,
       m.members_total, m.members_studied, m.coverage_pct
FROM measures m
JOIN tonghop.conference c ON c.code = m.conference_code;

CREATE VIEW warehouse.participation_by_province AS
WITH points AS (
    SELECT conference_code, province_code,
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
    GROUP BY conference_code, province_code
), coverage AS (
    SELECT conference_code, province_code,
           sum(members_total) AS members_total,
           sum(members_studied) AS members_studied
    FROM warehouse.unit_coverage
    GROUP BY conference_code, province_code
), completeness AS (
    SELECT conference_code, province_code,
           count(*) AS units_expected,
           count(*) FILTER (WHERE reported) AS units_reported
    FROM warehouse.completeness
    GROUP BY conference_code, province_code
), provinces AS (
    SELECT conference_code, province_code FROM points
    UNION SELECT conference_code, province_code FROM coverage
    UNION SELECT conference_code, province_code FROM completeness
)
SELECT k.conference_code,
       k.province_code,
       (SELECT u.name FROM tonghop.unit u
        WHERE u.code = k.province_code
          AND (u.valid_from IS NULL OR u.valid_from <= c.start_date)
          AND (u.valid_to IS NULL OR u.valid_to >= c.start_date)
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
JOIN tonghop.conference c ON c.code = k.conference_code
LEFT JOIN points p ON p.conference_code = k.conference_code AND p.province_code = k.province_code
LEFT JOIN coverage v ON v.conference_code = k.conference_code AND v.province_code = k.province_code
LEFT JOIN completeness q ON q.conference_code = k.conference_code AND q.province_code = k.province_code;

-- The analysts' role: read access to warehouse only. Creating a role needs CREATEROLE; on a
-- server where the migrating user lacks it, an administrator creates the role and re-grants.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'warehouse_analyst') THEN
        BEGIN
            CREATE ROLE warehouse_analyst NOLOGIN;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE WARNING 'role warehouse_analyst not created: the migrating user lacks CREATEROLE';
        END;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'warehouse_analyst') THEN
        GRANT USAGE ON SCHEMA warehouse TO warehouse_analyst;
        GRANT SELECT ON ALL TABLES IN SCHEMA warehouse TO warehouse_analyst;
        ALTER DEFAULT PRIVILEGES IN SCHEMA warehouse GRANT SELECT ON TABLES TO warehouse_analyst;
    END IF;
END
$$;
