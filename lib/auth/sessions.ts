import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/mutations";
import { db, type Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

// Signed-in sessions that can be ended (等保 2.0: session timeout and ending). The session cookie
// (a JWT signed by next-auth) carries only a session id; every request looks the session up here,
// so a copied cookie stops working the moment its session ends:
// - signing out ends that session;
// - changing one's password ends the account's other sessions;
// - a reset by staff or a deactivation ends all of them;
// - every session ends 12 hours after sign-in, and a staff or admin session after 2 hours unused.

export const SESSION_HOURS = 12;
export const STAFF_IDLE_HOURS = 2;
/** lastSeenAt is written at most this often, so a page view is not a write every time. */
const TOUCH_EVERY_MS = 60_000;
const HOUR = 60 * 60 * 1000;

export type SessionUser = {
  id: string;
  role: Role;
  displayName: string;
  mustChangePassword: boolean;
  /** A STAFF or ADMIN account's town; null for lawyers and the district. */
  townId: string | null;
  lawyer: { id: string; active: boolean } | null;
};

/** Starts a session for a user who has just proved their password; its id goes into the cookie. */
export async function startSession(userId: string, now = new Date()): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await db.$transaction([
    // Housekeeping: the user's sessions that can never be used again.
    db.userSession.deleteMany({
      where: { userId, OR: [{ endedAt: { not: null } }, { createdAt: { lt: new Date(now.getTime() - SESSION_HOURS * HOUR) } }] },
    }),
    db.userSession.create({ data: { id, userId, createdAt: now, lastSeenAt: now } }),
  ]);
  return id;
}

/** Signing out: this session, for good, with its entry in the audit log. */
export async function endSession(id: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.userSession.updateMany({ where: { id, endedAt: null }, data: { endedAt: now } });
    if (count === 0) return;
    const { user } = await tx.userSession.findUniqueOrThrow({
      where: { id },
      select: { user: { select: { id: true, displayName: true, role: true } } },
    });
    await recordAudit(tx, user, { kind: "account", action: "sign_out", subjectId: user.id, summary: "退出登录" });
  });
}

/**
 * Ends the user's sessions, all but `except` (the session that changed its own password). Pass the
 * transaction of the change, so the password and the sessions change together.
 */
export async function endSessionsOf(tx: Tx, userId: string, { except, now = new Date() }: { except?: string; now?: Date } = {}) {
  const { count } = await tx.userSession.updateMany({
    where: { userId, endedAt: null, ...(except ? { id: { not: except } } : {}) },
    data: { endedAt: now },
  });
  return count;
}

const isStaffRole = (role: Role) => role === "STAFF" || role === "ADMIN" || role === "DISTRICT";

/** The user of a live session, or null when it ended, expired or went idle, or the account was deactivated. */
export async function sessionUser(id: string, now = new Date()): Promise<SessionUser | null> {
  const row = await db.userSession.findUnique({
    where: { id },
    select: {
      createdAt: true,
      lastSeenAt: true,
      endedAt: true,
      user: {
        select: {
          id: true,
          role: true,
          displayName: true,
          active: true,
          mustChangePassword: true,
          townId: true,
          lawyer: { select: { id: true, active: true } },
        },
      },
    },
  });
  if (!row || row.endedAt || !row.user.active) return null;
  if (now.getTime() - row.createdAt.getTime() > SESSION_HOURS * HOUR) return null;
  const idle = now.getTime() - row.lastSeenAt.getTime();
  if (isStaffRole(row.user.role) && idle > STAFF_IDLE_HOURS * HOUR) return null;
  if (idle > TOUCH_EVERY_MS) {
    await db.userSession.updateMany({ where: { id, endedAt: null }, data: { lastSeenAt: now } });
  }
  const { active: _active, ...user } = row.user;
  return user;
}
