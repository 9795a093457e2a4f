// The one logger of the web server, the worker and the scripts: one JSON line per event (pino) with
// the time, the level, the request id where there is one, and the message; an error with its stack
// inside that one line. Readable lines instead when a person watches a terminal. Never a phone
// number, a name or a note: fields of those names are censored wherever they appear in an event,
// and callers log ids and codes, not people.
import pino, { type DestinationStream, type Logger } from "pino";
import pretty from "pino-pretty";
import { baseSettingsSchema } from "./env";

/** Field names that carry personal data in this app's objects; censored at any of these depths. */
const PERSONAL = ["phone", "name", "note", "village", "lawyerNote", "onBehalfOfName", "comment", "text"];
export const REDACTED_PATHS = PERSONAL.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]);

/** LOG_LEVEL (checked with the other settings at start-up; info when unset). */
function logLevel(): string {
  const parsed = baseSettingsSchema.shape.LOG_LEVEL.safeParse(process.env.LOG_LEVEL);
  return parsed.success ? parsed.data : "info";
}

function errorFields(error: unknown): Record<string, unknown> {
  const { type, message, stack, code } = pino.stdSerializers.err(error as Error) as Record<string, unknown>;
  return code === undefined ? { type, message, stack } : { type, message, stack, code };
}

export function createLogger(destination?: DestinationStream): Logger {
  const stream = destination ?? (process.stdout.isTTY ? pretty({ colorize: true, translateTime: "SYS:HH:MM:ss" }) : undefined);
  return pino(
    {
      level: logLevel(),
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: "[隐去]" },
      // `err` keeps its type, message, stack and code (one JSON string: one line), and nothing else:
      // a driver's error carries its whole client (connection settings, queued statements).
      serializers: { err: errorFields },
    },
    stream,
  );
}

const globalForLog = globalThis as unknown as { muzhouLog?: Logger };

/** The process's logger (one per process, however often Next.js bundles this module). */
globalForLog.muzhouLog ??= createLogger();
export const log: Logger = globalForLog.muzhouLog;

/**
 * What other code prints to standard output and error (Next.js's start-up lines, its own error
 * reports) becomes log events too, one JSON line each, so that a log shipper reads one format.
 * For the web server when no person watches (not a terminal). The logger itself writes to the file
 * descriptor directly, not through these streams.
 */
export function captureConsoleOutput(): void {
  if (process.stdout.isTTY) return;
  const wrap = (stream: NodeJS.WriteStream, level: "info" | "error") => {
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = (typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"))
        // biome-ignore lint/suspicious/noControlCharactersInRegex: terminal colour codes are what is removed.
        .replace(/\u001b\[[0-9;]*m/g, "")
        .trim();
      if (text) log[level]({ source: "console" }, text);
      const done = rest.find((r) => typeof r === "function") as (() => void) | undefined;
      done?.();
      return true;
    }) as typeof stream.write;
  };
  wrap(process.stdout, "info");
  wrap(process.stderr, "error");
}
