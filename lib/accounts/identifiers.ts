import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Whether `value` already signs someone in: people sign in with an account name or, for lawyers,
 * their public phone number (lib/auth/sign-in.ts), so a new name must clash with neither.
 * The unique index on account names remains the guarantee; this check gives the friendly answer.
 */
export async function identifierInUse(
  tx: Prisma.TransactionClient,
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
