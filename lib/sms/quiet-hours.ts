// The quiet hours of text messages (SMS_QUIET_HOURS): read here, beside the other SMS settings
// (config.ts checks them at start-up); lib/messages/rules.ts applies them.

/** The quiet hours as minutes of the day in Shanghai: from `from` until `until` (over midnight). */
export type QuietHours = { from: number; until: number };
/** The custom in China: no notices between 21:00 and 08:00. */
export const DEFAULT_QUIET_HOURS: QuietHours = { from: 21 * 60, until: 8 * 60 };
const QUIET_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The quiet hours from SMS_QUIET_HOURS ("21:00-08:00", the default; the same time twice, such as
 * "00:00-00:00", means none), or null when the setting is malformed (checkSmsConfig says so at start).
 */
export function parseQuietHours(value: string | undefined): QuietHours | null {
  if (!value?.trim()) return DEFAULT_QUIET_HOURS;
  const m = QUIET_PATTERN.exec(value.trim());
  return m ? { from: Number(m[1]) * 60 + Number(m[2]), until: Number(m[3]) * 60 + Number(m[4]) } : null;
}

/** The configured quiet hours of this process. */
export function quietHours(): QuietHours {
  return parseQuietHours(process.env.SMS_QUIET_HOURS) ?? DEFAULT_QUIET_HOURS;
}
