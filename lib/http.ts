// The one way a route handler answers with JSON: `{ error: { code, message, fields? } }`, a Chinese
// sentence a person can act on, never cached, never a stack trace.
import { type Failure, type FailureCode, INTERNAL_ERROR_MESSAGE, MESSAGES } from "./errors";
// Relative, and no server-only module: next.config.ts and scripts/serve.ts load this file through lib/security.ts.
import { log } from "./log";

const NO_STORE = { "Cache-Control": "no-store" };

/** The JSON API's own codes besides the failures: an Idempotency-Key reused or still answering (lib/api/idempotency.ts). */
export type ProblemCode =
  | FailureCode
  | "unauthorised"
  | "invalid_api_key"
  | "internal_error"
  | "idempotency_key_reused"
  | "request_in_progress"
  | "booking_not_changeable"
  | "waitlist_ended";

export const HTTP_STATUS: Record<ProblemCode, number> = {
  invalid_input: 400,
  unauthorised: 401,
  invalid_api_key: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  slot_taken: 409,
  slot_unavailable: 409,
  too_many_bookings: 409,
  already_booked: 409,
  bookings_affected: 409,
  booking_changed: 412,
  duplicate_booking: 409,
  too_many_requests: 429,
  idempotency_key_reused: 422,
  request_in_progress: 409,
  booking_not_changeable: 409,
  waitlist_ended: 409,
  internal_error: 500,
};

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

/** The same answer from JSON already serialised (an answer kept for a few seconds, made once). */
export function jsonText(text: string, status = 200): Response {
  return new Response(text, { status, headers: { "Content-Type": "application/json", ...NO_STORE } });
}

export function problem(
  code: ProblemCode,
  message?: string,
  fields?: Record<string, string>,
  headers: Record<string, string> = {},
): Response {
  const text = message ?? (code in MESSAGES ? MESSAGES[code as FailureCode] : INTERNAL_ERROR_MESSAGE);
  return json({ error: fields ? { code, message: text, fields } : { code, message: text } }, HTTP_STATUS[code], headers);
}

/** A 429 says when to try again in `Retry-After` (seconds) as well as in its sentence. */
export function retryHeaders(failure: Failure): Record<string, string> {
  return failure.retryAfterSeconds ? { "Retry-After": String(failure.retryAfterSeconds) } : {};
}

export function failureResponse(failure: Failure): Response {
  return problem(failure.code, failure.message, failure.fields, retryHeaders(failure));
}

/** Turns an unexpected error into a plain 500 without details; the details go to the server log. */
export async function guarded(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    log.error({ err: error }, "route handler failed");
    return problem("internal_error", INTERNAL_ERROR_MESSAGE);
  }
}

/** Headers for a downloaded file with a Chinese name (and an ASCII one for old browsers). */
export function fileHeaders(asciiName: string, name: string, type: string): Record<string, string> {
  return {
    ...NO_STORE,
    "Content-Type": type,
    "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  };
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const CSV_TYPE = "text/csv; charset=utf-8";
