// The settings every entry point checks first (the web server, the worker, npm start and the
// scripts): a `.env` file in the project's root is read when there is one (what the environment
// already sets wins), then the whole environment is checked against the one schema: lib/env.ts's
// and the text-message section of lib/sms/config.ts. A wrong setting stops the process before it
// serves or sends anything, with a sentence per problem naming the variable and an example.
import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { baseSettingsSchema } from "../../lib/env.ts";
import { smsSettingsSchema } from "../../lib/sms/schema.ts";
import { ROOT } from "./migrations.ts";

export const settingsSchema = z.intersection(baseSettingsSchema, smsSettingsSchema);

/** What is wrong with these settings, a sentence each; empty when they are usable. */
export function checkSettings(source: Record<string, string | undefined>): string[] {
  const parsed = settingsSchema.safeParse(source);
  return parsed.success ? [] : [...new Set(parsed.error.issues.map((issue) => issue.message))];
}

/** The exit code of a process refused for its settings (sysexits' EX_CONFIG): a service manager need not retry. */
export const EXIT_CONFIG = 78;

/** Reads `.env` when present, checks every setting, and ends the process with each problem when any is wrong. */
export function loadSettings(dir = ROOT): void {
  const file = path.join(dir, ".env");
  if (existsSync(file)) process.loadEnvFile(file);
  const problems = checkSettings(process.env);
  if (!problems.length) return;
  console.error(
    `The settings are wrong, so nothing was started:\n${problems.map((p) => `- ${p}`).join("\n")}\nSee .env.example and docs/operations.md ("Settings").`,
  );
  process.exit(EXIT_CONFIG);
}
