// Where to go after signing in: only a path on this site. Decided by parsing the value as the
// browser will (WHATWG URL) against a stand-in origin, so that "/\evil.example", "/\t/evil.example"
// and their kin, which a browser reads as "//evil.example", are refused rather than guessed at.
import { isPlainText } from "@/lib/form-values";

const SITE = "https://site.invalid";

export function safeCallbackPath(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith("/")) return null;
  // Browsers drop tabs and newlines and read "\" as "/" in URLs: such a value is never a real path here.
  if (!isPlainText(value) || value.includes("\\")) return null;
  let url: URL;
  try {
    url = new URL(value, SITE);
  } catch {
    return null;
  }
  if (url.origin !== SITE) return null;
  // The path as parsed, not as typed: what is redirected to is what was checked.
  return `${url.pathname}${url.search}${url.hash}`;
}
