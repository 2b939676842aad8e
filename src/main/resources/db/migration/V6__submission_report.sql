-- What each district got back for a processed file: the JSON report and the workbook (annotated
-- copy or listing of problems), kept with the submission so they can be served later. One of each
-- per submission; processing a submission again replaces them.
CREATE TABLE tonghop.submission_report (
    submission_id bigint NOT NULL REFERENCES tonghop.submission (id),
    kind          text NOT NULL CHECK (kind IN ('json', 'workbook')),
    file_name     text NOT NULL,
    media_type    text NOT NULL,
    content       bytea NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (submission_id, kind)
);
