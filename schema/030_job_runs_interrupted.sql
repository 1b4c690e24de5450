-- A run whose process died (kill -9, power loss) is closed at the next start as 'interrupted' (issue 12 item 6):
-- before, its row stayed 'running' forever. Adding an enum value is a metadata-only change.
ALTER TABLE job_runs MODIFY COLUMN status Enum8('running' = 1, 'ok' = 2, 'error' = 3, 'timeout' = 4, 'aborted' = 5, 'interrupted' = 6);
