-- Every distinct file ever taken (identity = content hash), its outcome and its problems.
CREATE TABLE tonghop.submission (
    id               bigserial PRIMARY KEY,
    content_hash     text NOT NULL UNIQUE,
    file_name        text NOT NULL,
    source_path      text NOT NULL,
    folder_unit_code text,
    size_bytes       bigint NOT NULL,
    archive_path     text NOT NULL,
    received_at      timestamptz NOT NULL DEFAULT now(),
    state            text NOT NULL DEFAULT 'pending'
                     CHECK (state IN ('pending', 'accepted', 'accepted_with_warnings', 'rejected')),
    job_execution_id bigint,
    processed_at     timestamptz,
    sheet_name       text,
    unit_code        text,
    conference_code  text,
    report_date      date,
    rows_loaded      integer,
    first_problem    text,
    is_current       boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX submission_current ON tonghop.submission (unit_code, conference_code) WHERE is_current;
CREATE INDEX submission_pending ON tonghop.submission (id) WHERE state = 'pending';
CREATE INDEX submission_job_execution ON tonghop.submission (job_execution_id);

CREATE TABLE tonghop.submission_problem (
    submission_id bigint NOT NULL REFERENCES tonghop.submission (id),
    seq           integer NOT NULL,
    code          text NOT NULL,
    severity      text NOT NULL CHECK (severity IN ('error', 'warning')),
    sheet         text,
    row_number    integer,
    column_name   text,
    value         text,
    message_vi    text NOT NULL,
    message_en    text NOT NULL,
    PRIMARY KEY (submission_id, seq)
);

-- What each scan saw: lets a scan skip unchanged files without hashing them again, and lets
-- a run report the files it found to be copies of earlier ones.
CREATE TABLE tonghop.seen_file (
    path         text PRIMARY KEY,
    size_bytes   bigint NOT NULL,
    modified_at  timestamptz NOT NULL,
    content_hash text NOT NULL,
    seen_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tonghop.intake_log (
    id               bigserial PRIMARY KEY,
    job_execution_id bigint NOT NULL,
    path             text NOT NULL,
    content_hash     text NOT NULL,
    submission_id    bigint NOT NULL REFERENCES tonghop.submission (id),
    outcome          text NOT NULL CHECK (outcome IN ('new', 'duplicate')),
    logged_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX intake_log_job_execution ON tonghop.intake_log (job_execution_id);
