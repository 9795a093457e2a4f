-- CreateEnum
CREATE TYPE "OverrideKind" AS ENUM ('HOLIDAY', 'WORKDAY');

-- CreateTable
CREATE TABLE "audit_log" (
    "id" TEXT NOT NULL,
    "actor_id" TEXT,
    "actor_name" TEXT NOT NULL,
    "actor_role" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject_id" TEXT,
    "summary" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_override" (
    "id" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "kind" "OverrideKind" NOT NULL,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_override_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "callback_request" (
    "id" TEXT NOT NULL,
    "venue_id" TEXT,
    "name" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "topic_code" TEXT,
    "note" TEXT,
    "consent_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "handled_at" TIMESTAMPTZ(3),
    "handled_by_id" TEXT,
    "handled_note" TEXT,

    CONSTRAINT "callback_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "venue_lookup" (
    "id" TEXT NOT NULL,
    "venue_id" TEXT NOT NULL,
    "had_free_slot" BOOLEAN NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "venue_lookup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- CreateIndex
CREATE INDEX "audit_log_actor_id_at_idx" ON "audit_log"("actor_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_kind_at_idx" ON "audit_log"("kind", "at");

-- CreateIndex
CREATE UNIQUE INDEX "calendar_override_date_key" ON "calendar_override"("date");

-- CreateIndex
CREATE INDEX "callback_request_handled_at_created_at_idx" ON "callback_request"("handled_at", "created_at");

-- CreateIndex
CREATE INDEX "venue_lookup_venue_id_at_idx" ON "venue_lookup"("venue_id", "at");

-- The audit log cannot be edited: not from the app, not by a mistaken query.
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
