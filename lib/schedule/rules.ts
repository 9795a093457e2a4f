// What the schedule forms show that zod need not carry (limits, the choices offered): browser code
// imports these, and lib/schedule/schema.ts checks the same on the server.

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
