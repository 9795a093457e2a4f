-- Text messages (issue 8): the notification table becomes the outbox the worker sends from.
CREATE TYPE "NotificationStatus" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'CALL', 'DROPPED');

-- The two kinds the leave flow queued become the general ones; the rest are new.
ALTER TYPE "NotificationKind" RENAME VALUE 'BOOKING_REASSIGNED' TO 'CHANGE';
ALTER TYPE "NotificationKind" RENAME VALUE 'BOOKING_CANCELLED' TO 'CANCELLATION';
ALTER TYPE "NotificationKind" ADD VALUE 'CONFIRMATION' BEFORE 'CHANGE';
ALTER TYPE "NotificationKind" ADD VALUE 'REMINDER';
ALTER TYPE "NotificationKind" ADD VALUE 'WAITLIST_OFFER';
ALTER TYPE "NotificationKind" ADD VALUE 'EVALUATION';

DROP INDEX "notification_sent_at_idx";

ALTER TABLE "venue" ADD COLUMN     "reminder_day_before_minute" INTEGER DEFAULT 1080,
ADD COLUMN     "reminder_hours_before" INTEGER DEFAULT 2;

ALTER TABLE "notification" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "called_at" TIMESTAMPTZ(3),
ADD COLUMN     "called_by" TEXT,
ADD COLUMN     "gateway_id" TEXT,
ADD COLUMN     "key" TEXT,
ADD COLUMN     "reason" TEXT,
ADD COLUMN     "send_after" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "status" "NotificationStatus" NOT NULL DEFAULT 'QUEUED';

-- Rows the leave flow queued before anything could send them are stale now: kept, never sent.
UPDATE "notification" SET "key" = 'legacy:' || "id", "status" = 'DROPPED', "reason" = '在短信功能上线前生成，未发送';
ALTER TABLE "notification" ALTER COLUMN "key" SET NOT NULL;

CREATE UNIQUE INDEX "notification_key_key" ON "notification"("key");
CREATE INDEX "notification_status_send_after_idx" ON "notification"("status", "send_after");
CREATE INDEX "notification_booking_id_idx" ON "notification"("booking_id");
