-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "VenueKind" AS ENUM ('STATION', 'WORKROOM');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'STAFF', 'LAWYER');

-- CreateEnum
CREATE TYPE "ExceptionKind" AS ENUM ('LEAVE', 'EXTRA');

-- CreateEnum
CREATE TYPE "BookingStatus" AS ENUM ('CONFIRMED', 'CHECKED_IN', 'DONE', 'NO_SHOW', 'CANCELLED');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('ONLINE', 'PHONE', 'WALK_IN', 'SOCIAL_WORKER', 'VILLAGE_CADRE');

-- CreateTable
CREATE TABLE "venue" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "VenueKind" NOT NULL,
    "name" TEXT NOT NULL,
    "village" TEXT,
    "address" TEXT NOT NULL,
    "phone" TEXT,
    "opening_notes" TEXT,
    "slot_minutes" INTEGER NOT NULL DEFAULT 30,
    "min_notice_minutes" INTEGER NOT NULL DEFAULT 120,
    "horizon_days" INTEGER NOT NULL DEFAULT 28,
    "is_demonstration" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "venue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "topic" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "topic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lawyer" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "firm" TEXT NOT NULL,
    "public_phone" TEXT NOT NULL,
    "specialties" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "user_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "lawyer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lawyer_venue" (
    "lawyer_id" TEXT NOT NULL,
    "venue_id" TEXT NOT NULL,
    "is_adviser" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "lawyer_venue_pkey" PRIMARY KEY ("lawyer_id","venue_id")
);

-- CreateTable
CREATE TABLE "duty_session" (
    "id" TEXT NOT NULL,
    "lawyer_id" TEXT NOT NULL,
    "venue_id" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL,
    "start_minute" INTEGER NOT NULL,
    "end_minute" INTEGER NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_until" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "duty_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "duty_exception" (
    "id" TEXT NOT NULL,
    "lawyer_id" TEXT NOT NULL,
    "venue_id" TEXT,
    "kind" "ExceptionKind" NOT NULL,
    "date" DATE NOT NULL,
    "start_minute" INTEGER,
    "end_minute" INTEGER,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "duty_exception_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "booking" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "venue_id" TEXT NOT NULL,
    "lawyer_id" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "BookingStatus" NOT NULL DEFAULT 'CONFIRMED',
    "name" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "village" TEXT,
    "topic_id" TEXT NOT NULL,
    "note" TEXT,
    "on_behalf_of_name" TEXT,
    "on_behalf_of_relation" TEXT,
    "priority_group" TEXT,
    "channel" "Channel" NOT NULL DEFAULT 'ONLINE',
    "consent_at" TIMESTAMPTZ(3) NOT NULL,
    "cancel_reason" TEXT,
    "cancelled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "booking_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "venue_slug_key" ON "venue"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "topic_code_key" ON "topic"("code");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");

-- CreateIndex
CREATE UNIQUE INDEX "lawyer_user_id_key" ON "lawyer"("user_id");

-- CreateIndex
CREATE INDEX "duty_session_venue_id_idx" ON "duty_session"("venue_id");

-- CreateIndex
CREATE INDEX "duty_session_lawyer_id_idx" ON "duty_session"("lawyer_id");

-- CreateIndex
CREATE INDEX "duty_exception_lawyer_id_date_idx" ON "duty_exception"("lawyer_id", "date");

-- CreateIndex
CREATE INDEX "duty_exception_venue_id_date_idx" ON "duty_exception"("venue_id", "date");

-- CreateIndex
CREATE UNIQUE INDEX "booking_code_key" ON "booking"("code");

-- CreateIndex
CREATE INDEX "booking_venue_id_starts_at_idx" ON "booking"("venue_id", "starts_at");

-- CreateIndex
CREATE INDEX "booking_lawyer_id_starts_at_idx" ON "booking"("lawyer_id", "starts_at");

-- CreateIndex
CREATE INDEX "booking_phone_idx" ON "booking"("phone");

-- AddForeignKey
ALTER TABLE "lawyer" ADD CONSTRAINT "lawyer_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lawyer_venue" ADD CONSTRAINT "lawyer_venue_lawyer_id_fkey" FOREIGN KEY ("lawyer_id") REFERENCES "lawyer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lawyer_venue" ADD CONSTRAINT "lawyer_venue_venue_id_fkey" FOREIGN KEY ("venue_id") REFERENCES "venue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "duty_session" ADD CONSTRAINT "duty_session_lawyer_id_fkey" FOREIGN KEY ("lawyer_id") REFERENCES "lawyer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "duty_session" ADD CONSTRAINT "duty_session_venue_id_fkey" FOREIGN KEY ("venue_id") REFERENCES "venue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "duty_exception" ADD CONSTRAINT "duty_exception_lawyer_id_fkey" FOREIGN KEY ("lawyer_id") REFERENCES "lawyer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "duty_exception" ADD CONSTRAINT "duty_exception_venue_id_fkey" FOREIGN KEY ("venue_id") REFERENCES "venue"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking" ADD CONSTRAINT "booking_venue_id_fkey" FOREIGN KEY ("venue_id") REFERENCES "venue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking" ADD CONSTRAINT "booking_lawyer_id_fkey" FOREIGN KEY ("lawyer_id") REFERENCES "lawyer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking" ADD CONSTRAINT "booking_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Rules the Prisma schema language cannot state.
ALTER TABLE "venue" ADD CONSTRAINT "venue_slot_minutes_check" CHECK ("slot_minutes" BETWEEN 10 AND 240);
ALTER TABLE "venue" ADD CONSTRAINT "venue_min_notice_check" CHECK ("min_notice_minutes" >= 0);
ALTER TABLE "venue" ADD CONSTRAINT "venue_horizon_check" CHECK ("horizon_days" BETWEEN 1 AND 366);
ALTER TABLE "duty_session" ADD CONSTRAINT "duty_session_weekday_check" CHECK ("weekday" BETWEEN 1 AND 7);
ALTER TABLE "duty_session" ADD CONSTRAINT "duty_session_minutes_check" CHECK ("start_minute" >= 0 AND "end_minute" <= 1440 AND "start_minute" < "end_minute");
ALTER TABLE "duty_session" ADD CONSTRAINT "duty_session_valid_check" CHECK ("valid_until" IS NULL OR "valid_until" >= "valid_from");
ALTER TABLE "duty_exception" ADD CONSTRAINT "duty_exception_minutes_check" CHECK (
  ("start_minute" IS NULL AND "end_minute" IS NULL)
  OR ("start_minute" >= 0 AND "end_minute" <= 1440 AND "start_minute" < "end_minute")
);
ALTER TABLE "duty_exception" ADD CONSTRAINT "duty_exception_extra_check" CHECK (
  "kind" <> 'EXTRA' OR ("venue_id" IS NOT NULL AND "start_minute" IS NOT NULL)
);
ALTER TABLE "booking" ADD CONSTRAINT "booking_time_check" CHECK ("starts_at" < "ends_at");
