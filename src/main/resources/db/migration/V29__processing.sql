-- Every processing of a file, kept. A submission row holds only its latest processing, so the files
-- and rows of a run shrank each time a rerun (or a restart) processed one of its files again, and
-- its report showed the later run's outcome instead of its own.
CREATE TABLE tonghop.processing (
    id               bigserial PRIMARY KEY,
    job_execution_id bigint NOT NULL,
    submission_id    bigint NOT NULL REFERENCES tonghop.submission (id),
    processed_at     timestamptz NOT NULL DEFAULT now(),
    state            text NOT NULL CHECK (state IN ('accepted', 'accepted_with_warnings', 'rejected')),
    unit_code        text,
    conference_code  text,
    rows_loaded      integer NOT NULL,
    first_problem    text
);
CREATE INDEX processing_job_execution ON tonghop.processing (job_execution_id);

-- Earlier processings are gone; each file's latest stands for its run.
INSERT INTO tonghop.processing (job_execution_id, submission_id, processed_at, state, unit_code, conference_code,
                                rows_loaded, first_problem)
SELECT job_execution_id, id, coalesce(processed_at, received_at), state, unit_code, conference_code,
       coalesce(rows_loaded, 0), first_problem
FROM tonghop.submission
WHERE job_execution_id IS NOT NULL AND state <> 'pending'
ORDER BY coalesce(processed_at, received_at), id;
