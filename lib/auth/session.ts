import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { problem } from "@/lib/http";
import { type Actor, can } from "./can";
import { authOptions } from "./options";

export type { Role };
export type CurrentUser = Actor & { displayName: string };

/**
 * The signed-in user, read afresh from the database (role, active), or null. Cached for the
 * request, so a layout and its page read the session and the user row once.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await db.user.findFirst({
    where: { id, active: true },
    select: { id: true, role: true, displayName: true, lawyer: { select: { id: true, active: true } } },
  });
  if (!user) return null;
  return { id: user.id, role: user.role, displayName: user.displayName, lawyerId: user.lawyer?.active ? user.lawyer.id : null };
});

/**
 * For pages: sends a stranger to the sign-in page (and back after); someone the rule refuses gets
 * the 没有权限 page (app/forbidden.tsx, status 403) at the same address.
 */
export async function requireUser(path: string, rule: (actor: CurrentUser) => boolean): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  if (!rule(user)) forbidden();
  return user;
}

/** A staff page. */
export function requireStaff(path: string): Promise<CurrentUser> {
  return requireUser(path, can.workAsStaff);
}

/** A lawyer's own page: the user must be a LAWYER with an active lawyer profile. */
export async function requireLawyer(path: string): Promise<CurrentUser & { lawyerId: string }> {
  return (await requireUser(path, can.workAsLawyer)) as CurrentUser & { lawyerId: string };
}

/**
 * For route handlers: the caller when the rule allows; else a 401 for a stranger and a 403 for
 * someone signed in whom the rule refuses, each with `what` they need, in plain Chinese.
 */
export async function userOrProblem(rule: (actor: CurrentUser) => boolean, what: string): Promise<CurrentUser | Response> {
  const user = await getCurrentUser();
  if (!user) return problem("unauthorised", `请先登录${what}。`);
  if (!rule(user)) return problem("forbidden", `没有权限：需要${what}。如有需要，请联系司法所。`);
  return user;
}

export function homeFor(role: Role): string {
  return role === "LAWYER" ? "/lawyer" : "/staff";
}
