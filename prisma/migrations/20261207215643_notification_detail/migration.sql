-- AlterTable
ALTER TABLE "notification" ADD COLUMN     "detail" TEXT;
