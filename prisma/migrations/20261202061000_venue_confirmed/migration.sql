-- AlterTable
ALTER TABLE "venue" ADD COLUMN     "confirmed" BOOLEAN NOT NULL DEFAULT true;

-- The seed's placeholder for the fifteenth village (prisma/seed/venues.ts) waits for staff to
-- check its name and address before villagers see it.
UPDATE "venue" SET "confirmed" = false WHERE "name" LIKE '%待核实%';
