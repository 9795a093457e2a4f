-- AlterTable
ALTER TABLE "venue" ADD COLUMN     "off_hours_booking" BOOLEAN NOT NULL DEFAULT false;
