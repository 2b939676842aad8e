-- When a version arrived for a (conference, unit): when its bytes first came for that unit. The same
-- bytes dropped again later, in another folder, are a submission of their own but no newer a
-- version. The loader (which version stands) and conference reruns (which version to take) must
-- agree on it, so it is spelled once. Ties on the time go to the lower id, the first registered.
-- A single SELECT, so PostgreSQL inlines it into the query that calls it.
CREATE FUNCTION tonghop.submission_arrival(submission_id bigint, conference_code text, unit_code text)
    RETURNS TABLE (received_at timestamptz, id bigint)
    LANGUAGE sql STABLE
AS $$
    SELECT s.received_at, s.id
    FROM tonghop.submission me
    JOIN tonghop.submission s ON s.content_hash = me.content_hash
    WHERE me.id = $1
      AND (s.id = me.id OR (s.conference_code = $2 AND s.unit_code = $3))
    ORDER BY s.received_at, s.id
    LIMIT 1
$$;
