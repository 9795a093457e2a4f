import { z } from "zod";

/**
 * zod's own messages (for an issue a schema does not word itself) in Simplified Chinese. Called once
 * at start-up, explicitly: `instrumentation.ts` on the server, `instrumentation-client.ts` in the
 * browser, and the vitest setup file. zod keeps the setting on `globalThis`, so every bundle of zod
 * in the process sees it.
 */
export function configureZodLocale(): void {
  z.config(z.locales.zhCN());
}
