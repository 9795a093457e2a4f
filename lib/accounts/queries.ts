import "server-only";
import { db } from "@/lib/db";

export type StaffAccount = {
  id: string;
  username: string;
  displayName: string;
  role: "ADMIN" | "STAFF";
  active: boolean;
};

/** Staff and administrator accounts, active first. Never the password hash. */
export async function listStaffAccounts(): Promise<StaffAccount[]> {
  const rows = await db.user.findMany({
    where: { role: { in: ["ADMIN", "STAFF"] } },
    orderBy: [{ active: "desc" }, { role: "asc" }, { username: "asc" }],
    select: { id: true, username: true, displayName: true, role: true, active: true },
  });
  return rows.map((r) => ({ ...r, role: r.role as "ADMIN" | "STAFF" }));
}
