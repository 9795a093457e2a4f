-- CreateEnum
CREATE TYPE "Outcome" AS ENUM ('CONSULTATION', 'DOCUMENT', 'CONTRACT', 'MEDIATION', 'LEGAL_AID_REFERRAL', 'MEDIATION_REFERRAL', 'OTHER');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('BOOKING_REASSIGNED', 'BOOKING_CANCELLED');

-- AlterTable
ALTER TABLE "lawyer" ADD COLUMN     "calendar_token" TEXT;

-- AlterTable
ALTER TABLE "booking" ADD COLUMN     "checked_in_at" TIMESTAMPTZ(3),
ADD COLUMN     "completed_at" TIMESTAMPTZ(3),
ADD COLUMN     "lawyer_note" TEXT,
ADD COLUMN     "minutes_spent" INTEGER,
ADD COLUMN     "notice" TEXT,
ADD COLUMN     "outcomes" "Outcome"[] DEFAULT ARRAY[]::"Outcome"[];

-- CreateTable
CREATE TABLE "walk_in" (
    "id" TEXT NOT NULL,
    "venue_id" TEXT NOT NULL,
    "lawyer_id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "village" TEXT,
    "topic_id" TEXT NOT NULL,
    "priority_group" TEXT,
    "outcomes" "Outcome"[] DEFAULT ARRAY[]::"Outcome"[],
    "minutes_spent" INTEGER,
    "lawyer_note" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "walk_in_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" TEXT NOT NULL,
    "booking_id" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "phone" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_attempt" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "walk_in_lawyer_id_at_idx" ON "walk_in"("lawyer_id", "at");

-- CreateIndex
CREATE INDEX "walk_in_venue_id_at_idx" ON "walk_in"("venue_id", "at");

-- CreateIndex
CREATE INDEX "notification_sent_at_idx" ON "notification"("sent_at");

-- CreateIndex
CREATE INDEX "login_attempt_username_at_idx" ON "login_attempt"("username", "at");

-- CreateIndex
CREATE UNIQUE INDEX "lawyer_calendar_token_key" ON "lawyer"("calendar_token");

-- AddForeignKey
ALTER TABLE "walk_in" ADD CONSTRAINT "walk_in_venue_id_fkey" FOREIGN KEY ("venue_id") REFERENCES "venue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "walk_in" ADD CONSTRAINT "walk_in_lawyer_id_fkey" FOREIGN KEY ("lawyer_id") REFERENCES "lawyer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "walk_in" ADD CONSTRAINT "walk_in_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "booking"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A lawyer is never on weekly duty at two places at once: no two of their weekly sessions on the
-- same weekday overlap in time while their validity periods overlap.
ALTER TABLE "duty_session" ADD CONSTRAINT "duty_session_lawyer_no_overlap"
  EXCLUDE USING gist (
    "lawyer_id" WITH =,
    "weekday" WITH =,
    int4range("start_minute", "end_minute") WITH &&,
    daterange("valid_from", "valid_until", '[]') WITH &&
  );

ALTER TABLE "booking" ADD CONSTRAINT "booking_minutes_spent_check" CHECK ("minutes_spent" IS NULL OR "minutes_spent" BETWEEN 1 AND 600);
ALTER TABLE "walk_in" ADD CONSTRAINT "walk_in_minutes_spent_check" CHECK ("minutes_spent" IS NULL OR "minutes_spent" BETWEEN 1 AND 600);
