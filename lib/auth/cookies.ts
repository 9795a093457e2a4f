// next-auth's session cookie, over plain HTTP and HTTPS: read by proxy.ts (which runs before the
// page and must not load next-auth), lib/auth/session.ts and the sign-out action.
export const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"] as const;

/** The town a district account acts for as that town's staff (lib/auth/session.ts getTownScope). */
export const ACTING_TOWN_COOKIE = "muzhou-acting-town";
