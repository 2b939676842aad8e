-- Before a file's reports are written, the loader asks whether a later version was taken under the
-- same name (its reports hold the plain names): one look-up per file, not a scan of every file.
CREATE INDEX submission_source_path ON tonghop.submission (source_path);
