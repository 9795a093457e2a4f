import { z } from "zod";
// Only the one locale: `z.locales` would bring every language zod has into the browser's bundle.
import zhCN from "zod/v4/locales/zh-CN.js";

/**
 * zod's own messages (for an issue a schema does not word itself) in Simplified Chinese. Called once
 * at start-up, explicitly: `instrumentation.ts` on the server and the vitest setup file. zod keeps
 * the setting on `globalThis`, so every bundle of zod in the process sees it. Not in the browser:
 * no page parses with zod there (every form is checked by its server action), and configuring it
 * would put zod into every page a villager's phone loads. A client component that ever parses
 * must call this first.
 */
export function configureZodLocale(): void {
  z.config(zhCN());
}
