/** Cookie that remembers the 长辈模式 (large text) choice for a year. */
export const LARGE_TEXT_COOKIE = "large_text";
export const LARGE_TEXT_MAX_AGE = 60 * 60 * 24 * 365;
