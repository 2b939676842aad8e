-- The reference files (jobs/reference) imported at start-up, with the content last imported from
-- each path. Importing every file at every start reverted what an administrator had imported since
-- (a conference's deadline, an alias) before the command ran; a start imports a file only when its
-- content differs from the one recorded here.
CREATE TABLE tonghop.reference_file (
    path         text PRIMARY KEY,       -- absolute, normalised
    content_hash text NOT NULL,          -- SHA-256 of the bytes, hex
    imported_at  timestamptz NOT NULL DEFAULT now()
);
