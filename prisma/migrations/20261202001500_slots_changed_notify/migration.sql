-- Every app server keeps a few seconds of free slots in memory (lib/availability/cache.ts). A
-- change to any table that decides free slots tells every server, through PostgreSQL's own
-- NOTIFY, delivered when the change commits (and never for a change rolled back), so a slot booked
-- on one server is not offered by another. One notice per statement, whatever the rows.
CREATE FUNCTION notify_slots_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('slots_changed', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;

CREATE TRIGGER booking_slots_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "booking"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_slots_changed();
CREATE TRIGGER duty_session_slots_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "duty_session"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_slots_changed();
CREATE TRIGGER duty_exception_slots_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "duty_exception"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_slots_changed();
CREATE TRIGGER calendar_override_slots_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "calendar_override"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_slots_changed();
CREATE TRIGGER venue_slots_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "venue"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_slots_changed();
CREATE TRIGGER lawyer_slots_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "lawyer"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_slots_changed();
CREATE TRIGGER lawyer_venue_slots_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "lawyer_venue"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_slots_changed();
