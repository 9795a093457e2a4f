// What the booking forms show that zod need not carry (limits, the choices offered): browser code
// imports these, and lib/booking/schema.ts checks the same on the server.
// Relative, not "@/…": lib/errors.ts imports this file, and next.config.ts loads that without the alias.
import { Channel } from "../generated/prisma/enums";

/** The sources staff choose from when they book for someone: every one but 网上预约. */
export const STAFF_CHANNELS = Object.values(Channel).filter((c) => c !== Channel.ONLINE) as Exclude<Channel, "ONLINE">[];

export const NOTE_MAX = 500;

/** Upcoming bookings one phone number may have at once (lib/booking/mutations.ts claimSlot). */
export const MAX_UPCOMING_PER_PHONE = 3;
/** Slots one phone number may have held for it by the waitlist at once, across the site. */
export const MAX_HOLDS_PER_PHONE = 1;
