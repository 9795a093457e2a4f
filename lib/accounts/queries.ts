import "server-only";
import { lawyersIn, type Scope } from "@/lib/auth/scope";
import { db, type Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export type StaffAccount = {
  id: string;
  username: string;
  displayName: string;
  role: Exclude<Role, "LAWYER">;
  active: boolean;
};

/**
 * The accounts a scope looks after (Prisma `UserWhereInput`): its town's staff and administrators,
 * and the sign-in accounts of its lawyers (lib/auth/scope.ts lawyersIn). A district account is
 * no town's: it is looked after in the district console.
 */
export function accountsIn(scope: Scope) {
  const staff = { role: { in: ["ADMIN" as const, "STAFF" as const] }, ...(scope.townId ? { townId: scope.townId } : {}) };
  return { OR: [staff, { role: "LAWYER" as const, lawyer: lawyersIn(scope) }] };
}

/** The scope's staff and administrator accounts, active first. Never the password hash. */
export async function listStaffAccounts(scope: Scope): Promise<StaffAccount[]> {
  const rows = await db.user.findMany({
    where: { role: { in: ["ADMIN", "STAFF"] }, ...(scope.townId ? { townId: scope.townId } : {}) },
    orderBy: [{ active: "desc" }, { role: "asc" }, { username: "asc" }],
    select: { id: true, username: true, displayName: true, role: true, active: true },
  });
  return rows.map((r) => ({ ...r, role: r.role as Exclude<Role, "LAWYER"> }));
}

/**
 * Whether `value` already signs someone in: people sign in with an account name or, for lawyers,
 * their public phone number (lib/auth/sign-in.ts), so a new name must clash with neither.
 * The unique index on account names remains the guarantee; this check gives the friendly answer.
 */
export async function identifierInUse(
  tx: Tx,
  value: string,
  except: { userId?: string | null; lawyerId?: string } = {},
): Promise<boolean> {
  // One after the other: a transaction has one connection.
  const user = await tx.user.findFirst({
    where: { username: value, ...(except.userId ? { id: { not: except.userId } } : {}) },
    select: { id: true },
  });
  if (user) return true;
  const lawyer = await tx.lawyer.findFirst({
    where: { publicPhone: value, active: true, ...(except.lawyerId ? { id: { not: except.lawyerId } } : {}) },
    select: { id: true },
  });
  return Boolean(lawyer);
}
