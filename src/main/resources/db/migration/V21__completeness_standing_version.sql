-- completeness counted a unit as reported only while a version of it was in state accepted. A rerun
-- makes the version it processes pending again, and one it cannot finish (its archived copy away, the
-- run failed) stays pending, current, with its rows in the warehouse: the unit's points counted while
-- completeness said it had not reported. A unit has reported when a version of it stands (is
-- current); its arrival is that of its first accepted version, the standing one included whatever
-- state a rerun has it in. Same columns as in V5.
CREATE OR REPLACE VIEW warehouse.completeness AS
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
    WHERE (s.state IN ('accepted', 'accepted_with_warnings') OR s.is_current)
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
