-- AlterTable
ALTER TABLE "booking" ADD COLUMN     "anonymised_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "walk_in" ADD COLUMN     "anonymised_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "callback_request" ADD COLUMN     "anonymised_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "retention_setting" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "consultation_months" INTEGER NOT NULL DEFAULT 36,
    "callback_months" INTEGER NOT NULL DEFAULT 6,
    "waitlist_months" INTEGER NOT NULL DEFAULT 6,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "retention_setting_pkey" PRIMARY KEY ("id")
);

-- One row of retention settings, always there, within the bounds the staff form checks too
-- (lib/privacy/schema.ts explains them).
ALTER TABLE "retention_setting" ADD CONSTRAINT "retention_setting_one_row" CHECK ("id" = 1);
ALTER TABLE "retention_setting" ADD CONSTRAINT "retention_setting_bounds" CHECK (
  "consultation_months" BETWEEN 12 AND 120
  AND "callback_months" BETWEEN 1 AND 120
  AND "waitlist_months" BETWEEN 1 AND 120
);
INSERT INTO "retention_setting" ("id") VALUES (1);

-- An anonymised booking keeps no phone number ('' : no real number, matched by no look-up and
-- no staff search). Only an anonymised row may have none. Anonymised bookings are over or
-- cancelled, so they can clash with no booking to come: they leave the per-phone overlap rule,
-- which would otherwise see every removed number as the same one. The per-lawyer rule is unchanged.
ALTER TABLE "booking" ADD CONSTRAINT "booking_phone_present" CHECK ("phone" <> '' OR "anonymised_at" IS NOT NULL);
ALTER TABLE "callback_request" ADD CONSTRAINT "callback_request_phone_present" CHECK ("phone" <> '' OR "anonymised_at" IS NOT NULL);

ALTER TABLE "booking" DROP CONSTRAINT "booking_phone_no_overlap";
ALTER TABLE "booking" ADD CONSTRAINT "booking_phone_no_overlap"
  EXCLUDE USING gist ("phone" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
  WHERE ("status" <> 'CANCELLED' AND "anonymised_at" IS NULL);
