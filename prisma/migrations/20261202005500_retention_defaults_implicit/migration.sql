-- No row means the defaults (lib/privacy/queries.ts reads them so, and saving upserts): a fresh
-- database holds no data of its own, so a backup can be restored into it (npm run db:restore).
DELETE FROM "retention_setting" WHERE "consultation_months" = 36 AND "callback_months" = 6 AND "waitlist_months" = 6;
