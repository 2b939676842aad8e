-- What each load changed for its (unit, conference): one row per replacement of the unit's
-- warehouse rows, with the totals before and after, and one row per point added, removed or
-- changed. Rows are only ever added: the history of a unit's figures is this table in id order.
CREATE TABLE tonghop.submission_change (
    id                     bigserial PRIMARY KEY,
    submission_id          bigint NOT NULL,
    replaced_submission_id bigint,
    conference_code        text NOT NULL,
    reporting_unit_code    text NOT NULL,
    changed_at             timestamptz NOT NULL DEFAULT now(),
    points_before          integer NOT NULL,
    points_after           integer NOT NULL,
    members_before         bigint NOT NULL,
    members_after          bigint NOT NULL,
    others_before          bigint NOT NULL,
    others_after           bigint NOT NULL,
    participants_before    bigint NOT NULL,
    participants_after     bigint NOT NULL,
    points_added           integer NOT NULL,
    points_removed         integer NOT NULL,
    points_changed         integer NOT NULL
);
CREATE INDEX submission_change_submission ON tonghop.submission_change (submission_id);
CREATE INDEX submission_change_unit ON tonghop.submission_change (conference_code, reporting_unit_code);

-- A point is keyed by name (case-insensitive), host unit and level; a name written twice in one
-- file is told apart by its order in the file.
CREATE TABLE tonghop.submission_change_point (
    change_id         bigint NOT NULL REFERENCES tonghop.submission_change (id),
    kind              text NOT NULL CHECK (kind IN ('added', 'removed', 'changed')),
    point_name        text NOT NULL,
    host_unit_code    text NOT NULL,
    point_level       text NOT NULL,
    format_before     text,
    format_after      text,
    date_before       date,
    date_after        date,
    members_before    integer,
    members_after     integer,
    others_before     integer,
    others_after      integer,
    source_row_before integer,
    source_row_after  integer
);
CREATE INDEX submission_change_point_change ON tonghop.submission_change_point (change_id);

-- The version number of each placed file among the files of its (unit, conference), by arrival.
CREATE VIEW tonghop.submission_version AS
SELECT s.id AS submission_id, s.unit_code, s.conference_code,
       row_number() OVER (PARTITION BY s.unit_code, s.conference_code ORDER BY s.received_at, s.id) AS version
FROM tonghop.submission s
WHERE s.unit_code IS NOT NULL AND s.conference_code IS NOT NULL;

-- Where each warehouse row comes from: file, version, sheet and row as Excel shows them.
CREATE VIEW warehouse.participation_source AS
SELECT p.conference_code, p.reporting_unit_code, p.host_unit_code, p.point_name, p.point_level,
       p.participants, p.submission_id, v.version, s.file_name, s.sheet_name, p.source_row, s.received_at
FROM warehouse.participation p
JOIN tonghop.submission s ON s.id = p.submission_id
JOIN tonghop.submission_version v ON v.submission_id = p.submission_id;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'warehouse_analyst') THEN
        GRANT SELECT ON warehouse.participation_source TO warehouse_analyst;
    END IF;
END
$$;
