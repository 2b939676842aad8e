-- A unit folder named with spaces around it ('004 ', typed unseen on a Mac or through a share) was
-- stored so before the scan matched folder names without them: 004's account never listed such a
-- file, and the same bytes dropped in 004/ counted as another file. Those rows get the folder as the
-- scan now reads it, unless that would make them the same file as another row (the identity's
-- unique index): such a pair is left as it was.
UPDATE tonghop.submission s
SET folder_unit_code = btrim(s.folder_unit_code, E' \t\r\n')
WHERE s.folder_unit_code <> btrim(s.folder_unit_code, E' \t\r\n')
  AND btrim(s.folder_unit_code, E' \t\r\n') <> ''
  AND NOT EXISTS (SELECT 1 FROM tonghop.submission o
                  WHERE o.content_hash = s.content_hash AND o.id <> s.id
                    AND btrim(o.folder_unit_code, E' \t\r\n') = btrim(s.folder_unit_code, E' \t\r\n'));
