-- AlterTable
ALTER TABLE "booking" ADD COLUMN     "note_consent_at" TIMESTAMPTZ(3);

-- Double booking is impossible in the database itself, whatever the application does:
-- no two active bookings of one lawyer overlap, and no two of one phone number overlap.
-- Cancelling (status CANCELLED) takes a booking out of both at once.
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE "booking" ADD CONSTRAINT "booking_lawyer_no_overlap"
  EXCLUDE USING gist ("lawyer_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
  WHERE ("status" <> 'CANCELLED');

ALTER TABLE "booking" ADD CONSTRAINT "booking_phone_no_overlap"
  EXCLUDE USING gist ("phone" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
  WHERE ("status" <> 'CANCELLED');
