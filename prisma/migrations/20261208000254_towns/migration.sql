-- Towns (issue 23): a town owns its venues; STAFF and ADMIN accounts belong to one town; a
-- DISTRICT account (区司法局) to none.

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'DISTRICT';

-- CreateTable
CREATE TABLE "town" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "short_name" TEXT NOT NULL,
    "government" TEXT NOT NULL,
    "office_name" TEXT NOT NULL,
    "office_address" TEXT NOT NULL,
    "office_phone" TEXT,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "town_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "town_slug_key" ON "town"("slug");

-- A database with venues already is 睦洲's own (the only town before this migration): its venues
-- and its staff accounts become the town's. A new database gets its towns from the seed.
INSERT INTO "town" ("id", "slug", "name", "short_name", "government", "office_name", "office_address", "updated_at")
SELECT 'town-muzhou', 'muzhou', '睦洲镇', '睦洲', '江门市新会区睦洲镇人民政府', '睦洲司法所',
       '江门市新会区睦洲镇人民政府司法所', CURRENT_TIMESTAMP
WHERE EXISTS (SELECT 1 FROM "venue") OR EXISTS (SELECT 1 FROM "app_user" WHERE "role" IN ('STAFF', 'ADMIN'));

-- AlterTable
ALTER TABLE "venue" ADD COLUMN "town_id" TEXT;
UPDATE "venue" SET "town_id" = 'town-muzhou';
ALTER TABLE "venue" ALTER COLUMN "town_id" SET NOT NULL;

-- AlterTable
ALTER TABLE "app_user" ADD COLUMN "town_id" TEXT;
UPDATE "app_user" SET "town_id" = 'town-muzhou' WHERE "role" IN ('STAFF', 'ADMIN');
-- A STAFF or ADMIN account has a town; a LAWYER or DISTRICT account has none.
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_town_for_staff"
  CHECK (("role" IN ('STAFF', 'ADMIN')) = ("town_id" IS NOT NULL));

-- AlterTable
ALTER TABLE "lawyer" ADD COLUMN "town_id" TEXT;
UPDATE "lawyer" SET "town_id" = 'town-muzhou' WHERE EXISTS (SELECT 1 FROM "town" WHERE "id" = 'town-muzhou');
ALTER TABLE "lawyer" ADD CONSTRAINT "lawyer_town_id_fkey" FOREIGN KEY ("town_id") REFERENCES "town"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "venue_town_id_idx" ON "venue"("town_id");

-- AddForeignKey
ALTER TABLE "venue" ADD CONSTRAINT "venue_town_id_fkey" FOREIGN KEY ("town_id") REFERENCES "town"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_town_id_fkey" FOREIGN KEY ("town_id") REFERENCES "town"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
