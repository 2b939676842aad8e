-- /api/submissions/{id}/changes read a page of a load's changed points by sorting them all (up to a
-- file's million) and skipping the pages before it, then counted them all again: every page of an
-- export paid for the whole list (0.6 s to count and 1.5-2.6 s a page over a million points, about
-- 45 minutes by pages of 1,000). Each stored point now keeps its place in the list, in the order the API
-- and status list them (row in the file, then kind), so a page is the places after the previous
-- pages', read from this index, and the count is the last place. The places of the points stored
-- before are counted here in that order; the index on change_id alone, which the new one leads with,
-- goes.
ALTER TABLE tonghop.submission_change_point ADD COLUMN ordinal integer;
UPDATE tonghop.submission_change_point p
SET ordinal = o.ordinal
FROM (SELECT ctid, row_number() OVER (PARTITION BY change_id
                                      ORDER BY coalesce(source_row_after, source_row_before), kind) AS ordinal
      FROM tonghop.submission_change_point) o
WHERE p.ctid = o.ctid;
ALTER TABLE tonghop.submission_change_point ALTER COLUMN ordinal SET NOT NULL;
CREATE UNIQUE INDEX submission_change_point_ordinal ON tonghop.submission_change_point (change_id, ordinal);
DROP INDEX tonghop.submission_change_point_change;
