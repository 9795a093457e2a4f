// Runs once when a server process starts, before it serves a request.
import { configureZodLocale } from "@/lib/zod-locale";

export function register() {
  configureZodLocale();
}
