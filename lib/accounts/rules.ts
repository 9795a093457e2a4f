// What the accounts forms show that zod need not carry (limits, the choices offered): browser code
// imports these, and lib/accounts/schema.ts checks the same on the server.
import { ROLE_NAMES } from "@/lib/labels";

/** The roles of the staff accounts page, by their names in lib/labels.ts. */
export const STAFF_ROLES = { STAFF: ROLE_NAMES.STAFF, ADMIN: ROLE_NAMES.ADMIN } as const;

export type StaffRole = keyof typeof STAFF_ROLES;
