-- The slots_changed notices (20261202001500) name the venue whose free slots a change may alter,
-- by its slug (what lib/availability/cache.ts keys its entries by), or '*' for every venue; a
-- server then forgets that venue's cached slots only. Still sent when the change commits (never
-- for one rolled back), and PostgreSQL folds identical notices of one transaction into one, so a
-- bulk change sends one notice per venue whatever the number of rows.
DROP TRIGGER booking_slots_changed ON "booking";
DROP TRIGGER duty_session_slots_changed ON "duty_session";
DROP TRIGGER duty_exception_slots_changed ON "duty_exception";
DROP TRIGGER calendar_override_slots_changed ON "calendar_override";
DROP TRIGGER venue_slots_changed ON "venue";
DROP TRIGGER lawyer_slots_changed ON "lawyer";
DROP TRIGGER lawyer_venue_slots_changed ON "lawyer_venue";
DROP FUNCTION notify_slots_changed();

CREATE FUNCTION notify_slots_changed_at(venue_ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('slots_changed', slug) FROM venue WHERE id = ANY (venue_ids);
END;
$$;

-- Where a lawyer's time counts: a venue they serve, or hold weekly or extra hours at. Their
-- booking, leave without a venue, or change (inactive, renamed) alters free slots at each: a
-- lawyer booked at one venue is busy at the others at that time.
CREATE FUNCTION lawyer_slot_venue_ids(lawyer text) RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT ARRAY(
    SELECT venue_id FROM lawyer_venue WHERE lawyer_id = lawyer
    UNION SELECT venue_id FROM duty_session WHERE lawyer_id = lawyer
    UNION SELECT venue_id FROM duty_exception WHERE lawyer_id = lawyer AND venue_id IS NOT NULL
  )
$$;

-- OLD is null for an insert and NEW for a delete: their fields are then null and match no venue.
CREATE FUNCTION notify_booking_slots_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM notify_slots_changed_at(ARRAY[NEW.venue_id, OLD.venue_id] || lawyer_slot_venue_ids(NEW.lawyer_id)
    || CASE WHEN OLD.lawyer_id IS DISTINCT FROM NEW.lawyer_id THEN lawyer_slot_venue_ids(OLD.lawyer_id) END);
  RETURN NULL;
END;
$$;

CREATE FUNCTION notify_duty_exception_slots_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Leave without a venue is leave everywhere the lawyer works.
  PERFORM notify_slots_changed_at(ARRAY[NEW.venue_id, OLD.venue_id]
    || CASE WHEN NEW.lawyer_id IS NOT NULL AND NEW.venue_id IS NULL THEN lawyer_slot_venue_ids(NEW.lawyer_id) END
    || CASE WHEN OLD.lawyer_id IS NOT NULL AND OLD.venue_id IS NULL THEN lawyer_slot_venue_ids(OLD.lawyer_id) END);
  RETURN NULL;
END;
$$;

-- duty_session and lawyer_venue: the row's venue, before and after.
CREATE FUNCTION notify_venue_row_slots_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM notify_slots_changed_at(ARRAY[NEW.venue_id, OLD.venue_id]);
  RETURN NULL;
END;
$$;

CREATE FUNCTION notify_lawyer_slots_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM notify_slots_changed_at(lawyer_slot_venue_ids(coalesce(NEW.id, OLD.id)));
  RETURN NULL;
END;
$$;

CREATE FUNCTION notify_venue_slots_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('slots_changed', slug) FROM unnest(ARRAY[NEW.slug, OLD.slug]) AS slug WHERE slug IS NOT NULL;
  RETURN NULL;
END;
$$;

-- A holiday closes or opens every venue; a table emptied leaves nothing known.
CREATE FUNCTION notify_all_slots_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('slots_changed', '*');
  RETURN NULL;
END;
$$;

-- Only what slot generation reads of a booking: most updates (a check-in, an outcome, a reminder
-- noted, retention's anonymising) change none of it and send nothing.
CREATE TRIGGER booking_slots_changed AFTER INSERT OR DELETE ON "booking"
  FOR EACH ROW EXECUTE FUNCTION notify_booking_slots_changed();
CREATE TRIGGER booking_slots_changed_update AFTER UPDATE ON "booking" FOR EACH ROW
  WHEN ((OLD.venue_id, OLD.lawyer_id, OLD.starts_at, OLD.ends_at, OLD.status)
        IS DISTINCT FROM (NEW.venue_id, NEW.lawyer_id, NEW.starts_at, NEW.ends_at, NEW.status))
  EXECUTE FUNCTION notify_booking_slots_changed();
CREATE TRIGGER duty_session_slots_changed AFTER INSERT OR UPDATE OR DELETE ON "duty_session"
  FOR EACH ROW EXECUTE FUNCTION notify_venue_row_slots_changed();
CREATE TRIGGER duty_exception_slots_changed AFTER INSERT OR UPDATE OR DELETE ON "duty_exception"
  FOR EACH ROW EXECUTE FUNCTION notify_duty_exception_slots_changed();
CREATE TRIGGER lawyer_venue_slots_changed AFTER INSERT OR UPDATE OR DELETE ON "lawyer_venue"
  FOR EACH ROW EXECUTE FUNCTION notify_venue_row_slots_changed();
CREATE TRIGGER lawyer_slots_changed AFTER INSERT OR UPDATE OR DELETE ON "lawyer"
  FOR EACH ROW EXECUTE FUNCTION notify_lawyer_slots_changed();
CREATE TRIGGER venue_slots_changed AFTER INSERT OR UPDATE OR DELETE ON "venue"
  FOR EACH ROW EXECUTE FUNCTION notify_venue_slots_changed();
CREATE TRIGGER calendar_override_slots_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "calendar_override"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_all_slots_changed();

CREATE TRIGGER booking_slots_truncated AFTER TRUNCATE ON "booking"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_all_slots_changed();
CREATE TRIGGER duty_session_slots_truncated AFTER TRUNCATE ON "duty_session"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_all_slots_changed();
CREATE TRIGGER duty_exception_slots_truncated AFTER TRUNCATE ON "duty_exception"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_all_slots_changed();
CREATE TRIGGER lawyer_venue_slots_truncated AFTER TRUNCATE ON "lawyer_venue"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_all_slots_changed();
CREATE TRIGGER lawyer_slots_truncated AFTER TRUNCATE ON "lawyer"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_all_slots_changed();
CREATE TRIGGER venue_slots_truncated AFTER TRUNCATE ON "venue"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_all_slots_changed();
