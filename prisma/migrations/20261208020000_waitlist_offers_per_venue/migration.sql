-- The waitlist's offer round, per venue (issue 24 item 4). A change that may free a slot queues the
-- round of the venues it touches where someone waits — job key offer_waitlist:<venue id>, payload
-- {"venueId": …} — instead of one round over every venue; a cancellation in one village touches
-- only that village's waitlist. Changes that reach every venue (a holiday, a deleted booking) queue
-- the round of each venue with someone waiting. The rounds share the "waitlist" queue: one at a time.

CREATE FUNCTION queue_waitlist_offers_at(venues text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v text;
BEGIN
  FOR v IN SELECT DISTINCT w.venue_id FROM waitlist_entry w WHERE w.status = 'WAITING' AND w.venue_id = ANY (venues) LOOP
    PERFORM graphile_worker.add_job('offer_waitlist', json_build_object('venueId', v), queue_name => 'waitlist',
      job_key => 'offer_waitlist:' || v);
  END LOOP;
END;
$$;

CREATE FUNCTION queue_waitlist_offers_everywhere() RETURNS void LANGUAGE sql AS $$
  SELECT queue_waitlist_offers_at(ARRAY(SELECT DISTINCT venue_id FROM waitlist_entry WHERE status = 'WAITING'));
$$;

-- Statement triggers (every venue) and row triggers (the row's venues) share the function: OLD is
-- null for an insert and NEW for a delete, and their fields then match no venue.
CREATE OR REPLACE FUNCTION queue_waitlist_offers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_LEVEL = 'STATEMENT' THEN
    PERFORM queue_waitlist_offers_everywhere();
  ELSIF TG_TABLE_NAME = 'venue' THEN
    PERFORM queue_waitlist_offers_at(ARRAY[NEW.id]);
  ELSIF TG_TABLE_NAME = 'lawyer' THEN
    PERFORM queue_waitlist_offers_at(lawyer_slot_venue_ids(NEW.id));
  ELSIF TG_TABLE_NAME = 'duty_exception' AND (NEW.venue_id IS NULL AND OLD.venue_id IS NULL) THEN
    -- Leave at all venues: everywhere the lawyer works.
    PERFORM queue_waitlist_offers_at(lawyer_slot_venue_ids(coalesce(NEW.lawyer_id, OLD.lawyer_id)));
  ELSE
    PERFORM queue_waitlist_offers_at(ARRAY[NEW.venue_id, OLD.venue_id]);
  END IF;
  RETURN NULL;
END;
$$;

DROP TRIGGER duty_session_for_waitlist ON "duty_session";
CREATE TRIGGER duty_session_for_waitlist AFTER INSERT OR UPDATE OR DELETE ON "duty_session"
  FOR EACH ROW EXECUTE FUNCTION queue_waitlist_offers();
DROP TRIGGER duty_exception_for_waitlist ON "duty_exception";
CREATE TRIGGER duty_exception_for_waitlist AFTER INSERT OR UPDATE OR DELETE ON "duty_exception"
  FOR EACH ROW EXECUTE FUNCTION queue_waitlist_offers();
DROP TRIGGER lawyer_for_waitlist ON "lawyer";
CREATE TRIGGER lawyer_for_waitlist AFTER UPDATE ON "lawyer"
  FOR EACH ROW EXECUTE FUNCTION queue_waitlist_offers();
DROP TRIGGER lawyer_venue_for_waitlist ON "lawyer_venue";
CREATE TRIGGER lawyer_venue_for_waitlist AFTER INSERT OR DELETE ON "lawyer_venue"
  FOR EACH ROW EXECUTE FUNCTION queue_waitlist_offers();
DROP TRIGGER venue_for_waitlist ON "venue";
CREATE TRIGGER venue_for_waitlist AFTER UPDATE ON "venue"
  FOR EACH ROW EXECUTE FUNCTION queue_waitlist_offers();
-- booking_freed_for_waitlist (row: a cancellation or a move) now queues its own venue's round;
-- booking_deleted_for_waitlist and calendar_override_for_waitlist (statements) every venue's.

-- A round queued before this migration, for every venue: ran as one, it keeps its old key.
