import "server-only";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { cache } from "react";
import type { Role } from "@/lib/generated/prisma/enums";
import { problem } from "@/lib/http";
import { type Actor, can } from "./can";
import { ACTING_TOWN_COOKIE, SESSION_COOKIES } from "./cookies";
import { authOptions } from "./options";
import { type DistrictScope, districtScope, type TownScope, townScope } from "./scope";
import { sessionUser } from "./sessions";

export type { Role };
/** `sessionId`: the session the request came in on (absent for a caller outside a request, such as a test). */
export type CurrentUser = Actor & { displayName: string; townId?: string | null; sessionId?: string };

/**
 * The signed-in user of a live session (lib/auth/sessions.ts), read afresh from the database (role,
 * active, whether the first password must be changed), or null. Cached for the request, so a layout
 * and its page read the session once.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const { id, sid } = (session?.user ?? {}) as { id?: string; sid?: string };
  if (!id || !sid) return null;
  const user = await sessionUser(sid);
  if (!user || user.id !== id) return null;
  return {
    id: user.id,
    role: user.role,
    displayName: user.displayName,
    lawyerId: user.lawyer?.active ? user.lawyer.id : null,
    mustChangePassword: user.mustChangePassword,
    townId: user.townId,
    sessionId: sid,
  };
});

/**
 * The town scope of this request (lib/auth/scope.ts): a staff member's own town, or the town a
 * district account chose to act for (the acting-town cookie, set by lib/towns/actions.ts); null
 * for anyone else. Cached for the request.
 */
export const getTownScope = cache(async (): Promise<TownScope | null> => {
  const user = await getCurrentUser();
  if (!user) return null;
  const acting = user.role === "DISTRICT" ? (await cookies()).get(ACTING_TOWN_COOKIE)?.value : null;
  return townScope(user, acting);
});

/**
 * Whether the request carries a session cookie at all: a public page that shows a signed-in
 * lawyer something extra asks this first, so a villager's visit never looks a session up.
 */
export async function hasSessionCookie(): Promise<boolean> {
  const jar = await cookies();
  return SESSION_COOKIES.some((name) => jar.has(name));
}

/**
 * For pages: sends a stranger to the sign-in page (and back after); someone the rule refuses gets
 * the 没有权限 page (app/forbidden.tsx, status 403) at the same address.
 */
export async function requireUser(path: string, rule: (actor: CurrentUser) => boolean): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  if (!rule(user)) {
    // A first password handed over by staff opens only the page that replaces it.
    if (user.mustChangePassword) redirect("/account/password?first=1");
    forbidden();
  }
  return user;
}

/** A staff page. */
export function requireStaff(path: string): Promise<CurrentUser> {
  return requireUser(path, can.workAsStaff);
}

/**
 * A staff page's scope: the caller's town. A district account that has not chosen a town to act
 * for is sent to the district console to choose one.
 */
export async function requireTownScope(path: string): Promise<TownScope> {
  const user = await requireStaff(path);
  const scope = await getTownScope();
  if (scope) return scope;
  if (user.role === "DISTRICT") redirect("/district");
  forbidden();
}

/** A district page's scope, across every town. */
export async function requireDistrictScope(path: string): Promise<DistrictScope> {
  return districtScope(await requireUser(path, can.workAsDistrict)) as DistrictScope;
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
  if (!rule(user)) {
    if (user.mustChangePassword) return problem("forbidden", "请先修改司法所给您的初始密码，然后再操作。");
    return problem("forbidden", `没有权限：需要${what}。如有需要，请联系司法所。`);
  }
  return user;
}

/** For route handlers of staff data: the caller's town scope, or the 401 or 403 answer. */
export async function townScopeOrProblem(what: string): Promise<TownScope | Response> {
  const user = await userOrProblem(can.workAsStaff, what);
  if (user instanceof Response) return user;
  return (await getTownScope()) ?? problem("forbidden", `没有权限：需要${what}。区司法局账号请先选择代哪个镇工作。`);
}

export function homeFor(role: Role): string {
  return role === "LAWYER" ? "/lawyer" : role === "DISTRICT" ? "/district" : "/staff";
}
