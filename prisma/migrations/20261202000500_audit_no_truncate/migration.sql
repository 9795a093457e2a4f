-- The audit log is kept whole (网络安全法 art. 21: at least 6 months): the row trigger refuses
-- UPDATE and DELETE; this statement trigger refuses emptying the table with TRUNCATE as well.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
