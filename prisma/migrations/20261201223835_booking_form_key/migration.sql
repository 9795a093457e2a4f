-- AlterTable
ALTER TABLE "booking" ADD COLUMN     "form_key" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "booking_form_key_key" ON "booking"("form_key");
