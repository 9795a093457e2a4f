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
