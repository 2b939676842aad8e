-- The reference files (jobs/reference) imported at start-up, with the content last imported under
-- each name. Importing every file at every start reverted what an administrator had imported since
-- (a conference's deadline, an alias) before the command ran; a start imports a file only when its
-- content differs from the one recorded here. By name, not path: a release installed in another
-- folder, or an instance installed elsewhere, ships the same files.
CREATE TABLE tonghop.reference_file (
    file_name    text PRIMARY KEY,       -- its name in the reference folder
    content_hash text NOT NULL,          -- SHA-256 of the bytes, hex
    imported_at  timestamptz NOT NULL DEFAULT now()
);
