// Where the site may send a browser next (after signing in, after the 长辈模式 switch): only a path
// on this site. The one function that decides every in-site redirect target. The value is parsed as
// the browser will parse it (WHATWG URL) against a stand-in origin, so that "/\evil.example",
// "/\t/evil.example" and their kin, which a browser reads as "//evil.example", are refused rather
// than guessed at; and the path it answers is parsed again, because dot segments can turn a path
// into a protocol-relative URL ("/.//evil.example" is read as the path "//evil.example").
import { isPlainText } from "@/lib/form-values";

const SITE = "https://site.invalid";

/** The path, query and fragment `value` resolves to on this site, or null when it leaves the site. */
function resolveOnSite(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value, SITE);
  } catch {
    return null;
  }
  return url.origin === SITE ? `${url.pathname}${url.search}${url.hash}` : null;
}

export function safeCallbackPath(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith("/")) return null;
  // Browsers drop tabs and newlines and read "\" as "/" in URLs: such a value is never a real path here.
  if (!isPlainText(value) || value.includes("\\")) return null;
  const path = resolveOnSite(value);
  // What is redirected to is what was checked: the answer must itself stay on the site, unchanged,
  // whatever page the browser resolves it from.
  if (path === null || !path.startsWith("/") || path.startsWith("//") || resolveOnSite(path) !== path) return null;
  return path;
}
