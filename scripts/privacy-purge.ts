// npm run privacy:purge — anonymise the personal data kept past its retention period (lib/privacy),
// once, and say how much. The worker runs it every day by itself (PURGE_CRONTAB in lib/privacy);
// this is the command to run it by hand. Safe to run at any time, as often as
// wanted and beside a running app: an advisory lock lets one purge at a time do the work.
// Run under the react-server condition, as package.json does: lib/privacy/mutations.ts is server-only.
import "./lib/load-settings.ts";
import { runWithDatabase } from "./lib/database.ts";

await runWithDatabase(async ({ url }) => {
  process.env.DATABASE_URL = url;
  const { anonymiseExpired } = await import("../lib/privacy/mutations.ts");
  const result = await anonymiseExpired();
  console.log(
    result.ran
      ? `Privacy purge: anonymised ${result.bookings} bookings, ${result.walkIns} walk-ins, ${result.callbacks} call-back requests; deleted ${result.waitlist} ended waitlist entries.`
      : "Privacy purge: another purge is running; nothing done here.",
  );
});
