// Imported first by every entry point (before any module that reads a setting when it loads, such
// as the logger's level): reads .env and stops the process on a wrong setting (./settings.ts).
import { loadSettings } from "./settings.ts";

loadSettings();
