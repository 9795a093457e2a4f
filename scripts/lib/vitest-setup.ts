// Each test file runs as the server does: with zod's Chinese messages configured at start-up.
import { configureZodLocale } from "@/lib/zod-locale";

configureZodLocale();
