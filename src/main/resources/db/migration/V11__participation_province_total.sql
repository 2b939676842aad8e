-- Q (bench): participation_by_province still aggregated a conference's million rows on every read.
-- warehouse.participation_province_total gives the point counts and sums per (conference, province)
-- from deltas that statement-level triggers on warehouse.participation append: whatever writes the
-- table (the loader's replace, reruns, withdrawals, a bulk INSERT, a manual fix) and inside the
-- writer's transaction, so a rolled-back load leaves nothing. The view reads a few rows per file
-- instead of every point; same columns and figures as in V5 and V10.
CREATE TABLE warehouse.participation_province_delta (
    conference_code   text NOT NULL,
    province_code     text NOT NULL,
    points            bigint NOT NULL,
    points_central    bigint NOT NULL,
    points_province   bigint NOT NULL,
    points_district   bigint NOT NULL,
    points_grassroots bigint NOT NULL,
    points_cell       bigint NOT NULL,
    participants      bigint NOT NULL,
    members_attending bigint NOT NULL,
    others_attending  bigint NOT NULL
);
CREATE INDEX participation_province_delta_key ON warehouse.participation_province_delta (conference_code, province_code);

-- Every statement that writes warehouse.participation appends what it added (and, negated, what it
-- took away) per (conference, province). Appending, not updating one row per province: loads run
-- side by side (several workers, several instances), and a shared total row would make each load
-- into a province wait for the one before it to commit. A statement adds one row per province it
-- touches, so a conference's totals are a sum over a few rows per file loaded.
CREATE FUNCTION warehouse.participation_province_delta_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM warehouse.participation_province_delta;
        RETURN NULL;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO warehouse.participation_province_delta
        SELECT conference_code, province_code, count(*),
               count(*) FILTER (WHERE point_level = 'central'),
               count(*) FILTER (WHERE point_level = 'province'),
               count(*) FILTER (WHERE point_level = 'district'),
               count(*) FILTER (WHERE point_level = 'grassroots'),
               count(*) FILTER (WHERE point_level = 'cell'),
               sum(participants), sum(members_attending), sum(others_attending)
        FROM new_rows GROUP BY conference_code, province_code;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        INSERT INTO warehouse.participation_province_delta
        SELECT conference_code, province_code, -count(*),
               -count(*) FILTER (WHERE point_level = 'central'),
               -count(*) FILTER (WHERE point_level = 'province'),
               -count(*) FILTER (WHERE point_level = 'district'),
               -count(*) FILTER (WHERE point_level = 'grassroots'),
               -count(*) FILTER (WHERE point_level = 'cell'),
               -sum(participants), -sum(members_attending), -sum(others_attending)
        FROM old_rows GROUP BY conference_code, province_code;
    END IF;
    RETURN NULL;
END
$$;

-- A trigger with transition tables has one event: one trigger per event, one function for all.
CREATE TRIGGER participation_province_delta_insert AFTER INSERT ON warehouse.participation
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION warehouse.participation_province_delta_track();
CREATE TRIGGER participation_province_delta_update AFTER UPDATE ON warehouse.participation
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION warehouse.participation_province_delta_track();
CREATE TRIGGER participation_province_delta_delete AFTER DELETE ON warehouse.participation
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION warehouse.participation_province_delta_track();
CREATE TRIGGER participation_province_delta_truncate AFTER TRUNCATE ON warehouse.participation
    FOR EACH STATEMENT EXECUTE FUNCTION warehouse.participation_province_delta_track();

-- The triggers' lock keeps writers out until this migration commits, so nothing slips between them
-- and the backfill.
INSERT INTO warehouse.participation_province_delta
SELECT conference_code, province_code, count(*),
       count(*) FILTER (WHERE point_level = 'central'),
       count(*) FILTER (WHERE point_level = 'province'),
       count(*) FILTER (WHERE point_level = 'district'),
       count(*) FILTER (WHERE point_level = 'grassroots'),
       count(*) FILTER (WHERE point_level = 'cell'),
       sum(participants), sum(members_attending), sum(others_attending)
FROM warehouse.participation
GROUP BY conference_code, province_code;

-- The totals: a province without points has no row, as in an aggregate of the rows themselves.
CREATE VIEW warehouse.participation_province_total AS
SELECT conference_code, province_code,
       sum(points)::bigint AS points,
       sum(points_central)::bigint AS points_central,
       sum(points_province)::bigint AS points_province,
       sum(points_district)::bigint AS points_district,
       sum(points_grassroots)::bigint AS points_grassroots,
       sum(points_cell)::bigint AS points_cell,
       sum(participants)::bigint AS participants,
       sum(members_attending)::bigint AS members_attending,
       sum(others_attending)::bigint AS others_attending
FROM warehouse.participation_province_delta
GROUP BY conference_code, province_code
HAVING sum(points) <> 0;

-- V10's covering index served only Q's aggregate, which now reads the summary; every load paid for
-- writing it.
DROP INDEX warehouse.participation_conference_province;

CREATE OR REPLACE VIEW warehouse.participation_by_province AS
WITH points AS NOT MATERIALIZED (
    SELECT conference_code, province_code, points, points_central, points_province, points_district,
           points_grassroots, points_cell, participants, members_attending, others_attending
    FROM warehouse.participation_province_total
), coverage AS NOT MATERIALIZED (
    SELECT conference_code, province_code,
           sum(members_total) AS members_total,
           sum(members_studied) AS members_studied
    FROM warehouse.unit_coverage
    GROUP BY conference_code, province_code
), completeness AS NOT MATERIALIZED (
    SELECT conference_code, province_code,
           count(*) AS units_expected,
           count(*) FILTER (WHERE reported) AS units_reported
    FROM warehouse.completeness
    GROUP BY conference_code, province_code
), provinces AS NOT MATERIALIZED (
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

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'warehouse_analyst') THEN
        GRANT SELECT ON warehouse.participation_province_total, warehouse.participation_province_delta
            TO warehouse_analyst;
    END IF;
END
$$;
