-- A file's reports go back to the drop folder it was taken from. With several schedules, each over a
-- share of its own, the run that loads a file (after a run killed past its scan, or a rerun of a
-- conference) may have scanned another share, and wrote the reports there, among another province's
-- files. Files taken before now get the folder of the run that took them; null where it is not known.
ALTER TABLE tonghop.submission ADD COLUMN drop_folder text;
UPDATE tonghop.submission s SET drop_folder = p.parameter_value
FROM tonghop.intake_log l
JOIN batch.batch_job_execution_params p ON p.job_execution_id = l.job_execution_id AND p.parameter_name = 'input'
WHERE l.submission_id = s.id AND l.outcome = 'new';
