import { z } from "zod";

// The environment, read and validated once. Scripts/start.ts fills these in for the embedded database.
const schema = z.object({
  DATABASE_URL: z.string().startsWith("postgres", "DATABASE_URL 应为 postgresql:// 开头的连接串"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

let cached: z.infer<typeof schema> | null = null;

export function env(): z.infer<typeof schema> {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(
      `Invalid environment: ${z.prettifyError(parsed.error)}. Start the app with "npm start", or set DATABASE_URL.`,
    );
  }
  cached = parsed.data;
  return cached;
}

const DEFAULT_PUBLIC_BASE_URL = "http://localhost:3000";
const publicBase = z.url({ protocol: /^https?$/, error: "PUBLIC_BASE_URL 应为网站的公开地址，例如 https://fw.example.gov.cn" });

/**
 * `path` on the site's public address (PUBLIC_BASE_URL), for what leaves the site: text messages,
 * posters and contact cards. Not the request's own host: staff may print from an office address
 * villagers cannot reach. Apart from env(), so that a page needing only this never needs a database
 * URL; read on each call (it is cheap) so tests can set it.
 */
export function publicUrl(path: string): string {
  const parsed = publicBase.safeParse(process.env.PUBLIC_BASE_URL || DEFAULT_PUBLIC_BASE_URL);
  if (!parsed.success) throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  return `${parsed.data.replace(/\/+$/, "")}${path.startsWith("/") ? path : `/${path}`}`;
}

/**
 * Whether the public address is one villagers can reach: set, and not this machine's own name
 * (localhost, 127.x, ::1, 0.0.0.0). Until it is, every QR code and link printed or texted is dead
 * outside the office: staff are warned on the pages that print and send them, and `npm start` says so.
 */
export function publicAddressIsReal(): boolean {
  const configured = process.env.PUBLIC_BASE_URL;
  if (!configured) return false;
  const parsed = publicBase.safeParse(configured);
  if (!parsed.success) return false;
  const host = new URL(parsed.data).hostname.replace(/^\[|\]$/g, "");
  return !(host === "localhost" || host.endsWith(".localhost") || /^127\./.test(host) || host === "::1" || host === "0.0.0.0");
}

/** The address to warn staff about (what texts and QR codes carry now), or null when it is a real one. */
export function publicAddressWarning(): string | null {
  if (publicAddressIsReal()) return null;
  return process.env.PUBLIC_BASE_URL || DEFAULT_PUBLIC_BASE_URL;
}
