// Who may manage whose sign-in account. Staff look after lawyers; only an administrator looks after staff.
import type { CurrentUser, Role } from "@/lib/auth/session";

export function canManageAccount(actor: Pick<CurrentUser, "role">, target: Role): boolean {
  if (actor.role === "ADMIN") return true;
  return actor.role === "STAFF" && target === "LAWYER";
}

export const ROLE_NAMES: Record<Role, string> = { ADMIN: "管理员", STAFF: "工作人员", LAWYER: "律师" };
