-- From 1 July 2025 completeness expected a province's communes alone: a district-kind committee
-- directly under the province (its agencies' party committee, an Đảng ủy Khối) that reports to it
-- as the communes do was never expected, so the province counted it neither expected nor reported.
-- It is expected beside them; the organizations under it report through it, as before the reform.
-- Same columns as in V25.
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
        AND (u.kind = 'district' OR (u.kind = 'grassroots' AND p.start_date >= DATE '2025-07-01'))
        AND (u.valid_from IS NULL OR u.valid_from <= p.start_date)
        AND (u.valid_to IS NULL OR u.valid_to >= p.start_date)
), reported AS (
    SELECT s.conference_code, s.unit_code, min(least(s.dropped_at, s.received_at)) AS submitted_at
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
