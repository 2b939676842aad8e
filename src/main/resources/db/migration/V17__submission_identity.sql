-- A submission is its bytes in the folder they were dropped in. A unit's folder states the unit the
-- file is for, so a district that dropped a file in the wrong unit's folder and moved or copied it
-- into the right one was told nothing: the same bytes were already taken. Now the same bytes in
-- another first-level folder are a submission of their own; the drop folder itself (no folder)
-- counts as one folder. The archive still holds one copy per content.
ALTER TABLE tonghop.submission DROP CONSTRAINT submission_content_hash_key;
CREATE UNIQUE INDEX submission_identity ON tonghop.submission (content_hash, coalesce(folder_unit_code, ''));
