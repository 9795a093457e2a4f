// What the venues forms show that zod need not carry (limits, the choices offered): browser code
// imports these, and lib/venues/schema.ts checks the same on the server.

export const SLOT_MINUTES = { min: 10, max: 240 } as const;

export const HORIZON_DAYS = { min: 1, max: 366 } as const;

/** A notice longer than a month is a typing slip. */
export const MIN_NOTICE_MAX = 60 * 24 * 30;

/** A venue villagers see and book: open, and its name and address confirmed by staff. */
export const BOOKABLE_VENUE = { active: true, confirmed: true } as const;
