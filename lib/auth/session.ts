import "server-only";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { db } from "@/lib/db";
import { authOptions } from "./options";

export type Role = "ADMIN" | "STAFF" | "LAWYER";
export type CurrentUser = { id: string; role: Role; displayName: string; lawyerId: string | null };

/** The signed-in user, read afresh from the database (role, active), or null. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await db.user.findFirst({
    where: { id, active: true },
    select: { id: true, role: true, displayName: true, lawyer: { select: { id: true, active: true } } },
  });
  if (!user) return null;
  return { id: user.id, role: user.role, displayName: user.displayName, lawyerId: user.lawyer?.active ? user.lawyer.id : null };
}

export class Forbidden extends Error {
  constructor() {
    super("没有权限进行这个操作。");
  }
}

/** For server actions and route handlers: the user when they have one of `roles`, else throws Forbidden. */
export async function authorise(...roles: Role[]): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user || !roles.includes(user.role)) throw new Forbidden();
  return user;
}

/** For pages: sends a stranger to the sign-in page (and back after), and a wrong role home. */
export async function requireRole(path: string, ...roles: Role[]): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  if (!roles.includes(user.role)) redirect("/me?forbidden=1");
  return user;
}

/** A lawyer's own page: the user must be a LAWYER with an active lawyer profile. */
export async function requireLawyer(path: string): Promise<CurrentUser & { lawyerId: string }> {
  const user = await requireRole(path, "LAWYER");
  if (!user.lawyerId) redirect("/me?forbidden=1");
  return user as CurrentUser & { lawyerId: string };
}

export function homeFor(role: Role): string {
  return role === "LAWYER" ? "/lawyer" : "/staff";
}
