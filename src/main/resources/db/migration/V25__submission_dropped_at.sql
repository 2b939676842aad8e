-- completeness dated a file by when a scan took it (received_at): a file dropped before the deadline
-- but taken after it (the server down overnight, a share polled every five minutes, ingest run once a
-- day) counted as late. dropped_at is when the file was last written into the drop folder, as its file
-- system says (ctime, which no copy carries over from the district's computer); null where there is
-- none (Windows) and for files taken before this migration. A file was submitted at the earlier of the
-- two: a clock ahead never dates it after it was taken. Same columns as in V21.
ALTER TABLE tonghop.submission ADD COLUMN dropped_at timestamptz;

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
