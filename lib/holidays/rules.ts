// What the holidays forms show that zod need not carry (limits, the choices offered): browser code
// imports these, and lib/holidays/schema.ts checks the same on the server.

export const OVERRIDE_KINDS = { HOLIDAY: "放假（不安排预约）", WORKDAY: "上班（照常预约）" } as const;

export type OverrideKindName = keyof typeof OVERRIDE_KINDS;
