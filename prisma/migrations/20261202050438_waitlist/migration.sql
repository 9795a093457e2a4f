-- CreateEnum
CREATE TYPE "WaitlistStatus" AS ENUM ('WAITING', 'OFFERED', 'BOOKED', 'CANCELLED', 'LAPSED');

-- AlterEnum
ALTER TYPE "BookingStatus" ADD VALUE 'HELD';

-- AlterTable
ALTER TABLE "booking" ADD COLUMN     "held_until" TIMESTAMPTZ(3),
ADD COLUMN     "waitlist_entry_id" TEXT;

-- CreateTable
CREATE TABLE "waitlist_entry" (
    "id" TEXT NOT NULL,
    "venue_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "topic_id" TEXT NOT NULL,
    "from_date" DATE NOT NULL,
    "to_date" DATE NOT NULL,
    "status" "WaitlistStatus" NOT NULL DEFAULT 'WAITING',
    "consent_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "waitlist_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "waitlist_entry_venue_id_status_created_at_idx" ON "waitlist_entry"("venue_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "waitlist_entry_phone_idx" ON "waitlist_entry"("phone");

-- CreateIndex
CREATE INDEX "booking_waitlist_entry_id_idx" ON "booking"("waitlist_entry_id");

-- AddForeignKey
ALTER TABLE "booking" ADD CONSTRAINT "booking_waitlist_entry_id_fkey" FOREIGN KEY ("waitlist_entry_id") REFERENCES "waitlist_entry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "waitlist_entry" ADD CONSTRAINT "waitlist_entry_venue_id_fkey" FOREIGN KEY ("venue_id") REFERENCES "venue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "waitlist_entry" ADD CONSTRAINT "waitlist_entry_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A slot may have freed for someone on the waitlist when a booking is cancelled or moves (a hold
-- that ends is a cancelled booking too), or when duty changes (new hours, an extra day, leave
-- withdrawn, a lawyer or venue back). Then the waitlist's offer job is queued, by the database in
-- the change's own transaction, whatever code made the change: one job (its key) that runs one at
-- a time (its queue), however many changes; nothing when nobody waits. lib/waitlist/offers.ts.
CREATE FUNCTION queue_waitlist_offers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM waitlist_entry WHERE status = 'WAITING') THEN
    PERFORM graphile_worker.add_job('offer_waitlist', '{}'::json, queue_name => 'waitlist', job_key => 'offer_waitlist');
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER booking_freed_for_waitlist AFTER UPDATE ON "booking" FOR EACH ROW
  WHEN ((NEW.status = 'CANCELLED' AND OLD.status <> 'CANCELLED')
        OR NEW.starts_at <> OLD.starts_at OR NEW.lawyer_id <> OLD.lawyer_id)
  EXECUTE FUNCTION queue_waitlist_offers();
CREATE TRIGGER booking_deleted_for_waitlist AFTER DELETE ON "booking"
  FOR EACH STATEMENT EXECUTE FUNCTION queue_waitlist_offers();
CREATE TRIGGER duty_session_for_waitlist AFTER INSERT OR UPDATE OR DELETE ON "duty_session"
  FOR EACH STATEMENT EXECUTE FUNCTION queue_waitlist_offers();
CREATE TRIGGER duty_exception_for_waitlist AFTER INSERT OR UPDATE OR DELETE ON "duty_exception"
  FOR EACH STATEMENT EXECUTE FUNCTION queue_waitlist_offers();
CREATE TRIGGER calendar_override_for_waitlist AFTER INSERT OR UPDATE OR DELETE ON "calendar_override"
  FOR EACH STATEMENT EXECUTE FUNCTION queue_waitlist_offers();
CREATE TRIGGER lawyer_for_waitlist AFTER UPDATE ON "lawyer"
  FOR EACH STATEMENT EXECUTE FUNCTION queue_waitlist_offers();
CREATE TRIGGER lawyer_venue_for_waitlist AFTER INSERT OR DELETE ON "lawyer_venue"
  FOR EACH STATEMENT EXECUTE FUNCTION queue_waitlist_offers();
CREATE TRIGGER venue_for_waitlist AFTER UPDATE ON "venue"
  FOR EACH STATEMENT EXECUTE FUNCTION queue_waitlist_offers();

-- A waitlist entry covers dates in order.
ALTER TABLE "waitlist_entry" ADD CONSTRAINT "waitlist_entry_dates_in_order" CHECK ("from_date" <= "to_date");
