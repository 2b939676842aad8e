-- Q (bench): participation_by_province still aggregated a conference's million rows on every read.
-- warehouse.participation_province_total holds the point counts and sums per (conference, province),
-- kept exact by statement-level triggers on warehouse.participation: whatever writes the table
-- (the loader's replace, reruns, withdrawals, a bulk INSERT, a manual fix) and inside the writer's
-- transaction, so a rolled-back load leaves it untouched. The view reads 34 rows instead of a million;
-- same columns and figures as in V5 and V10.
CREATE TABLE warehouse.participation_province_total (
    conference_code   text NOT NULL,
    province_code     text NOT NULL,
    points            bigint NOT NULL CHECK (points >= 0),
    points_central    bigint NOT NULL CHECK (points_central >= 0),
    points_province   bigint NOT NULL CHECK (points_province >= 0),
    points_district   bigint NOT NULL CHECK (points_district >= 0),
    points_grassroots bigint NOT NULL CHECK (points_grassroots >= 0),
    points_cell       bigint NOT NULL CHECK (points_cell >= 0),
    participants      bigint NOT NULL CHECK (participants >= 0),
    members_attending bigint NOT NULL CHECK (members_attending >= 0),
    others_attending  bigint NOT NULL CHECK (others_attending >= 0),
    PRIMARY KEY (conference_code, province_code),
    CHECK (points = points_central + points_province + points_district + points_grassroots + points_cell),
    CHECK (participants = members_attending + others_attending)
);

-- Deltas come added up per (conference, province). Rows are locked in key order, so two loads
-- touching the same provinces take their locks in the same order and cannot deadlock. PL/pgSQL
-- rather than SQL: it keeps its plans for the session instead of planning on every statement.
CREATE FUNCTION warehouse.participation_province_total_add(delta warehouse.participation_province_total[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO warehouse.participation_province_total AS t
    SELECT * FROM unnest(delta) d
    ORDER BY d.conference_code, d.province_code
    ON CONFLICT (conference_code, province_code) DO UPDATE SET
        points = t.points + excluded.points,
        points_central = t.points_central + excluded.points_central,
        points_province = t.points_province + excluded.points_province,
        points_district = t.points_district + excluded.points_district,
        points_grassroots = t.points_grassroots + excluded.points_grassroots,
        points_cell = t.points_cell + excluded.points_cell,
        participants = t.participants + excluded.participants,
        members_attending = t.members_attending + excluded.members_attending,
        others_attending = t.others_attending + excluded.others_attending;
END
$$;

-- An upsert cannot take away: PostgreSQL checks the row it would insert, negative, before the
-- conflict. A province left without points leaves the table, as it leaves the aggregate. Taking
-- away what was never there fails the writer's statement rather than let the summary drift.
CREATE FUNCTION warehouse.participation_province_total_subtract(delta warehouse.participation_province_total[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    updated integer;
BEGIN
    PERFORM 1 FROM warehouse.participation_province_total t
    JOIN unnest(delta) d ON d.conference_code = t.conference_code AND d.province_code = t.province_code
    ORDER BY t.conference_code, t.province_code
    FOR UPDATE OF t;
    UPDATE warehouse.participation_province_total t SET
        points = t.points - d.points,
        points_central = t.points_central - d.points_central,
        points_province = t.points_province - d.points_province,
        points_district = t.points_district - d.points_district,
        points_grassroots = t.points_grassroots - d.points_grassroots,
        points_cell = t.points_cell - d.points_cell,
        participants = t.participants - d.participants,
        members_attending = t.members_attending - d.members_attending,
        others_attending = t.others_attending - d.others_attending
    FROM unnest(delta) d
    WHERE d.conference_code = t.conference_code AND d.province_code = t.province_code;
    GET DIAGNOSTICS updated = ROW_COUNT;
    IF updated <> cardinality(delta) THEN
        RAISE EXCEPTION 'warehouse.participation_province_total lacks a (conference, province) of the rows removed';
    END IF;
    DELETE FROM warehouse.participation_province_total t
    USING unnest(delta) d
    WHERE d.conference_code = t.conference_code AND d.province_code = t.province_code AND t.points = 0;
END
$$;

-- One function for the four triggers (a trigger with transition tables has one event). An UPDATE
-- adds the new rows before it takes the old ones away, so no total goes below zero on the way.
CREATE FUNCTION warehouse.participation_province_total_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM warehouse.participation_province_total;
        RETURN NULL;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM warehouse.participation_province_total_add(array(
            SELECT (conference_code, province_code, count(*),
                    count(*) FILTER (WHERE point_level = 'central'),
                    count(*) FILTER (WHERE point_level = 'province'),
                    count(*) FILTER (WHERE point_level = 'district'),
                    count(*) FILTER (WHERE point_level = 'grassroots'),
                    count(*) FILTER (WHERE point_level = 'cell'),
                    sum(participants), sum(members_attending), sum(others_attending))::warehouse.participation_province_total
            FROM new_rows GROUP BY conference_code, province_code));
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        PERFORM warehouse.participation_province_total_subtract(array(
            SELECT (conference_code, province_code, count(*),
                    count(*) FILTER (WHERE point_level = 'central'),
                    count(*) FILTER (WHERE point_level = 'province'),
                    count(*) FILTER (WHERE point_level = 'district'),
                    count(*) FILTER (WHERE point_level = 'grassroots'),
                    count(*) FILTER (WHERE point_level = 'cell'),
                    sum(participants), sum(members_attending), sum(others_attending))::warehouse.participation_province_total
            FROM old_rows GROUP BY conference_code, province_code));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER participation_province_total_insert AFTER INSERT ON warehouse.participation
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION warehouse.participation_province_total_track();
CREATE TRIGGER participation_province_total_update AFTER UPDATE ON warehouse.participation
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION warehouse.participation_province_total_track();
CREATE TRIGGER participation_province_total_delete AFTER DELETE ON warehouse.participation
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION warehouse.participation_province_total_track();
CREATE TRIGGER participation_province_total_truncate AFTER TRUNCATE ON warehouse.participation
    FOR EACH STATEMENT EXECUTE FUNCTION warehouse.participation_province_total_track();

-- The triggers' lock keeps writers out until this migration commits, so nothing slips between them
-- and the backfill.
INSERT INTO warehouse.participation_province_total
SELECT conference_code, province_code, count(*),
       count(*) FILTER (WHERE point_level = 'central'),
       count(*) FILTER (WHERE point_level = 'province'),
       count(*) FILTER (WHERE point_level = 'district'),
       count(*) FILTER (WHERE point_level = 'grassroots'),
       count(*) FILTER (WHERE point_level = 'cell'),
       sum(participants), sum(members_attending), sum(others_attending)
FROM warehouse.participation
GROUP BY conference_code, province_code;

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
        GRANT SELECT ON warehouse.participation_province_total TO warehouse_analyst;
    END IF;
END
$$;
