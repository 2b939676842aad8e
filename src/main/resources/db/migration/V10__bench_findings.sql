-- A rerun of a whole national day names its 3,355 submissions in one job parameter (about 15,700
-- characters): Spring Batch's 2,500-character column refused it. Text has no such limit.
ALTER TABLE batch.BATCH_JOB_EXECUTION_PARAMS ALTER COLUMN PARAMETER_VALUE TYPE text;

-- Q (bench): participation_by_province for one conference read all ten million rows, because a CTE
-- used twice is computed once for every conference. NOT MATERIALIZED lets the conference filter
-- reach each of them; the covering index then answers from the index alone. Same columns and
-- figures as in V5.
CREATE INDEX participation_conference_province ON warehouse.participation (conference_code, province_code)
    INCLUDE (point_level, participants, members_attending, others_attending);

CREATE OR REPLACE VIEW warehouse.participation_by_province AS
WITH points AS NOT MATERIALIZED (
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
