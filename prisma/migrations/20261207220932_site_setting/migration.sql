-- CreateTable
CREATE TABLE "site_setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by" TEXT,

    CONSTRAINT "site_setting_pkey" PRIMARY KEY ("key")
);
