-- A report workbook is a zip: compressing it again finds nothing, yet PostgreSQL tried on every
-- file before storing it. EXTERNAL keeps large values out of line without compressing them.
ALTER TABLE tonghop.submission_report ALTER COLUMN content SET STORAGE EXTERNAL;
