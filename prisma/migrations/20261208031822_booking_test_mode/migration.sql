-- AlterTable
ALTER TABLE "booking" ADD COLUMN     "test" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "waitlist_entry" ADD COLUMN     "test" BOOLEAN NOT NULL DEFAULT false;
