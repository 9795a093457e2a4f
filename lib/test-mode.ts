// Test mode (issue 25 item 7): a booking made, or a waitlist entry joined, with a test client's key
// is marked `test`. Such a row is real enough for the integrator to try every step with (it holds
// its time, its texts are written), but it is nobody's consultation: no figure, dashboard, report,
// work log or export counts it, and an administrator clears it (lib/api-clients/mutations.ts).
// Every read that counts goes through these two, one filter in Prisma's words and in SQL's.
import { Prisma } from "@/lib/generated/prisma/client";

/** Where a booking or waitlist entry counts (Prisma `where`): not a test one. */
export const COUNTED = { test: false } as const;

/** The same for SQL: `<alias>.test = false` for a `booking` or `waitlist_entry` row named `alias`. */
export function countedSql(alias: "b" | "w"): Prisma.Sql {
  return Prisma.sql`${Prisma.raw(alias)}.test = false`;
}
