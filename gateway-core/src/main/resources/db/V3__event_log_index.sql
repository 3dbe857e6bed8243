-- No query reads the event log by time alone (the log is listed per account, on ix_event_log_user_created);
-- the index only cost a third B-tree insert for every entry, one per accepted message.
DROP INDEX IF EXISTS ix_event_log_created;
