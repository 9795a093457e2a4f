// Runs once in the browser before the app's own code.
import { configureZodLocale } from "@/lib/zod-locale";

configureZodLocale();
