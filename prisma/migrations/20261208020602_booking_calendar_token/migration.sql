-- AlterTable
ALTER TABLE "booking" ADD COLUMN     "calendar_token" TEXT NOT NULL DEFAULT replace((gen_random_uuid())::text, '-'::text, ''::text);

-- CreateIndex
CREATE UNIQUE INDEX "booking_calendar_token_key" ON "booking"("calendar_token");
