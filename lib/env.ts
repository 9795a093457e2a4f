import { z } from "zod";
import { parseQuietHours } from "./sms/quiet-hours";

// Every setting of the web server, the worker and the scripts, in one schema (docs/operations.md
// "Settings"; .env.example lists each and is tested against it). Checked once at start-up by every
// entry point (scripts/lib/settings.ts, with the text-message section of lib/sms/config.ts); each
// problem is a sentence naming the variable with an example. Values are never echoed where they may
// be secret (connection strings, keys, tokens).

/** An unset or blank variable is absent. */
export const blankIsAbsent = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);

function wholeNumber(name: string, min: number, max: number, fallback: number, example: number) {
  const message = (input: unknown) =>
    `${name} must be a whole number from ${min} to ${max}, such as ${name}=${example}; it is "${String(input)}".`;
  return z.preprocess(
    blankIsAbsent,
    z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined) return fallback;
        const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
        if (n >= min && n <= max) return n;
        ctx.addIssue({ code: "custom", message: message(value) });
        return z.NEVER;
      }),
  );
}

function webAddress(name: string, example: string) {
  return z.preprocess(
    blankIsAbsent,
    z
      .url({ protocol: /^https?$/, error: `${name} must be the site's address with http:// or https://, such as ${example}.` })
      .optional(),
  );
}

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

export const baseSettingsSchema = z.object({
  DATABASE_URL: z.preprocess(
    blankIsAbsent,
    z
      .string()
      .refine((v) => /^postgres(ql)?:\/\/./.test(v) && URL.canParse(v), {
        error:
          "DATABASE_URL must be a PostgreSQL connection string, such as postgresql://muzhou:password@127.0.0.1:5432/muzhou (the app runs on PostgreSQL 15 or later, not on other databases).",
      })
      .optional(),
  ),
  NEXTAUTH_SECRET: z.preprocess(
    blankIsAbsent,
    z
      .string()
      .min(24, {
        error: "NEXTAUTH_SECRET must be at least 24 random characters, such as the output of `openssl rand -base64 32`.",
      })
      .optional(),
  ),
  NEXTAUTH_URL: webAddress("NEXTAUTH_URL", "https://fw.example.gov.cn"),
  PUBLIC_BASE_URL: webAddress("PUBLIC_BASE_URL", "https://fw.example.gov.cn"),
  PORT: wholeNumber("PORT", 1, 65535, 3000, 3000),
  HOSTNAME: z.preprocess(blankIsAbsent, z.string().optional()),
  TRUSTED_PROXY_HOPS: wholeNumber("TRUSTED_PROXY_HOPS", 0, 10, 0, 1),
  RATE_LIMIT_FACTOR: wholeNumber("RATE_LIMIT_FACTOR", 1, 1_000_000, 1, 1),
  SMS_QUIET_HOURS: z.preprocess(
    blankIsAbsent,
    z
      .string()
      .refine((v) => parseQuietHours(v) !== null, {
        error: "SMS_QUIET_HOURS must be two times of day such as 21:00-08:00 (the same time twice: no quiet hours).",
      })
      .optional(),
  ),
  LOG_LEVEL: z.preprocess(
    (v) => blankIsAbsent(v)?.toLowerCase(),
    z
      .enum(LOG_LEVELS, {
        error: (issue) =>
          `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, such as LOG_LEVEL=info; it is "${String(issue.input)}".`,
      })
      .default("info"),
  ),
  METRICS_TOKEN: z.preprocess(
    blankIsAbsent,
    z
      .string()
      .min(16, { error: "METRICS_TOKEN must be at least 16 random characters, such as the output of `openssl rand -hex 16`." })
      .optional(),
  ),
  ALLOW_DEMO_YEAR: z.preprocess(
    blankIsAbsent,
    z.literal("1", { error: "ALLOW_DEMO_YEAR is either unset or 1 (ALLOW_DEMO_YEAR=1)." }).optional(),
  ),
  CHROMIUM_PATH: z.preprocess(blankIsAbsent, z.string().optional()),
  NODE_ENV: z.preprocess(
    blankIsAbsent,
    z
      .enum(["development", "production", "test"], {
        error: "NODE_ENV must be production, development or test, such as NODE_ENV=production.",
      })
      .default("development"),
  ),
});

export type BaseSettings = z.infer<typeof baseSettingsSchema>;
type Source = Record<string, string | undefined>;

/**
 * This process's settings, read from its environment on each call (a parse is a few microseconds,
 * and tests change the environment). Throws when they are wrong; the entry points check them first
 * (scripts/lib/settings.ts), so a running server never does.
 */
export function settings(source: Source = process.env): BaseSettings {
  const parsed = baseSettingsSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid settings: ${parsed.error.issues.map((i) => i.message).join(" ")}`);
  return parsed.data;
}

/** The settings with the database this process uses, which the app's own servers always have. */
export function env(): BaseSettings & { DATABASE_URL: string } {
  const found = settings();
  if (!found.DATABASE_URL) throw new Error('DATABASE_URL is not set. Start the app with "npm start", or set DATABASE_URL.');
  return { ...found, DATABASE_URL: found.DATABASE_URL };
}

export const DEFAULT_PUBLIC_BASE_URL = "http://localhost:3000";

/**
 * PUBLIC_BASE_URL when it is set and valid (without a trailing slash); undefined when unset; null
 * when it is wrong (the entry points refuse to start then). It wins over the address an
 * administrator sets in the console (lib/site).
 */
export function configuredPublicBase(): string | undefined | null {
  const parsed = baseSettingsSchema.shape.PUBLIC_BASE_URL.safeParse(process.env.PUBLIC_BASE_URL);
  return parsed.success ? parsed.data?.replace(/\/+$/, "") : null;
}

/** The site's public address and where it comes from (lib/site decides it; npm start announces it). */
export type PublicAddress = {
  /** Without a trailing slash: "https://fw.example.gov.cn" or with a path prefix. */
  base: string;
  source: "environment" | "console" | "default";
  /** An address villagers can open (not this machine's own name). */
  real: boolean;
};

/**
 * PUBLIC_BASE_URL when set; else the address an administrator set in the console (`stored`, from
 * site_setting); else this machine's own, which villagers cannot open.
 */
export function resolvePublicAddress(stored: string | null): PublicAddress {
  const configured = configuredPublicBase();
  if (configured) return { base: configured, source: "environment", real: !isOwnMachine(configured) };
  if (stored) return { base: stored, source: "console", real: !isOwnMachine(stored) };
  return { base: DEFAULT_PUBLIC_BASE_URL, source: "default", real: false };
}

/** Whether an address names this machine itself (localhost, 127.x, ::1, 0.0.0.0): villagers cannot open it. */
export function isOwnMachine(address: string): boolean {
  if (!URL.canParse(address)) return true;
  const host = new URL(address).hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host.endsWith(".localhost") || /^127\./.test(host) || host === "::1" || host === "0.0.0.0";
}
