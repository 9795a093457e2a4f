/** Cookie that remembers the 长辈模式 (large text) choice for a year. */
export const LARGE_TEXT_COOKIE = "large_text";
export const LARGE_TEXT_MAX_AGE = 60 * 60 * 24 * 365;

/**
 * The name of the 长辈模式 button inside a form (components/large-text-switch.tsx): without
 * JavaScript it submits that form with this field ("on" or "off"), and the form's action switches
 * the size and answers with what was typed, saving nothing (lib/action.ts).
 */
export const LARGE_TEXT_FIELD = "_largeText";
