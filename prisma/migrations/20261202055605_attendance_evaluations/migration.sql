-- CreateEnum
CREATE TYPE "Satisfaction" AS ENUM ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED');

-- CreateEnum
CREATE TYPE "Resolution" AS ENUM ('SOLVED', 'PARTLY_SOLVED', 'UNSOLVED');

-- CreateEnum
CREATE TYPE "EvaluationSource" AS ENUM ('BOOKING_PAGE', 'WALK_IN_LINK', 'PAPER');

-- AlterTable
ALTER TABLE "walk_in" ADD COLUMN     "void_reason" TEXT,
ADD COLUMN     "voided_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "attendance" (
    "id" TEXT NOT NULL,
    "lawyer_id" TEXT NOT NULL,
    "venue_id" TEXT NOT NULL,
    "arrived_at" TIMESTAMPTZ(3) NOT NULL,
    "left_at" TIMESTAMPTZ(3),
    "session_ends_at" TIMESTAMPTZ(3) NOT NULL,
    "auto_closed" BOOLEAN NOT NULL DEFAULT false,
    "corrected_at" TIMESTAMPTZ(3),
    "corrected_by" TEXT,
    "correction_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "attendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evaluation" (
    "id" TEXT NOT NULL,
    "booking_id" TEXT,
    "walk_in_id" TEXT,
    "satisfaction" "Satisfaction" NOT NULL,
    "resolution" "Resolution" NOT NULL,
    "comment" TEXT,
    "source" "EvaluationSource" NOT NULL,
    "entered_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evaluation_link" (
    "token" TEXT NOT NULL,
    "walk_in_id" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evaluation_link_pkey" PRIMARY KEY ("token")
);

-- CreateIndex
CREATE INDEX "attendance_lawyer_id_arrived_at_idx" ON "attendance"("lawyer_id", "arrived_at");

-- CreateIndex
CREATE INDEX "attendance_venue_id_arrived_at_idx" ON "attendance"("venue_id", "arrived_at");

-- CreateIndex
CREATE UNIQUE INDEX "evaluation_booking_id_key" ON "evaluation"("booking_id");

-- CreateIndex
CREATE UNIQUE INDEX "evaluation_walk_in_id_key" ON "evaluation"("walk_in_id");

-- CreateIndex
CREATE INDEX "evaluation_created_at_idx" ON "evaluation"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "evaluation_link_walk_in_id_key" ON "evaluation_link"("walk_in_id");

-- AddForeignKey
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_lawyer_id_fkey" FOREIGN KEY ("lawyer_id") REFERENCES "lawyer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_venue_id_fkey" FOREIGN KEY ("venue_id") REFERENCES "venue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation" ADD CONSTRAINT "evaluation_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "booking"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation" ADD CONSTRAINT "evaluation_walk_in_id_fkey" FOREIGN KEY ("walk_in_id") REFERENCES "walk_in"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_link" ADD CONSTRAINT "evaluation_link_walk_in_id_fkey" FOREIGN KEY ("walk_in_id") REFERENCES "walk_in"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Attendance (lib/attendance): a departure after the arrival; one open attendance per lawyer at a
-- time, and no two of one lawyer overlapping, whatever the application does (a missed departure
-- counts as open until it is closed: up to infinity).
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_left_after_arrival" CHECK ("left_at" IS NULL OR "left_at" > "arrived_at");
CREATE UNIQUE INDEX "attendance_one_open_per_lawyer" ON "attendance" ("lawyer_id") WHERE "left_at" IS NULL;
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_no_overlap"
  EXCLUDE USING gist ("lawyer_id" WITH =, tstzrange("arrived_at", COALESCE("left_at", 'infinity'), '[)') WITH &&);

-- An evaluation is of exactly one consultation, a booking's or a walk-in's; its comment is short.
ALTER TABLE "evaluation" ADD CONSTRAINT "evaluation_of_one_consultation" CHECK (num_nonnulls("booking_id", "walk_in_id") = 1);
ALTER TABLE "evaluation" ADD CONSTRAINT "evaluation_comment_length" CHECK (char_length("comment") <= 300);

-- A void walk-in says why.
ALTER TABLE "walk_in" ADD CONSTRAINT "walk_in_void_reason" CHECK ("voided_at" IS NULL OR "void_reason" IS NOT NULL);
