import type { z } from "zod";
import { changeOwnBooking } from "@/lib/booking/access";
import type { BookingResult } from "@/lib/booking/mutations";
import type { BookingView } from "@/lib/booking/queries";
import { toIsoOffset } from "@/lib/time";
import type { WaitlistEntryView } from "@/lib/waitlist/queries";
import { type Caller, callerOf, lookUpSubject } from "./caller";
import { withCors } from "./cors";
import { codeFrom, errorResponse, failureResponse, guarded, json, parseOr400, readJsonObject } from "./http";
import { idempotent } from "./idempotency";

/** The booking as the JSON API shows it: no personal data beyond what the caller already sent. */
export function presentBooking(booking: BookingView) {
  return {
    code: booking.code,
    status: booking.status,
    start: toIsoOffset(booking.start),
    end: toIsoOffset(booking.end),
    venue: { slug: booking.venue.slug, name: booking.venue.name, address: booking.venue.address },
    lawyer: { id: booking.lawyer.id, name: booking.lawyer.name },
    // Only a test client's booking says so (lib/test-mode.ts); a real one is as it always was.
    ...(booking.test ? { test: true as const } : {}),
    // The .ics for the person's calendar, by a link that needs no cookie (relative to the API's server).
    calendar: `/bookings/${booking.code}/calendar.ics?t=${booking.calendarToken}`,
  };
}

/**
 * A route handler of the JSON API: CORS, an unexpected error answered as the JSON 500, the caller
 * known (or their 401 answered), and, `replayable`, a POST's Idempotency-Key honoured (a retry
 * answers as the first time). `run` does the rest with the path's parameters.
 */
export function apiRoute<P extends object = object>(
  run: (request: Request, caller: Caller, params: Promise<P>) => Promise<Response>,
  { replayable = false }: { replayable?: boolean } = {},
) {
  // The context is optional: a route without parameters is called with the request alone (tests do).
  return (request: Request, context?: { params: Promise<P> }) =>
    withCors(
      request,
      guarded(() => {
        const answer = async () => {
          const caller = await callerOf(request);
          return caller instanceof Response ? caller : run(request, caller, context?.params ?? Promise.resolve({} as P));
        };
        return replayable ? idempotent(request, answer) : answer();
      }),
    );
}

/** The JSON body parsed by `schema`, with `fixed` laid over what was sent (the path's say), or the 400 to answer. */
export async function bodyOf<S extends z.ZodType>(
  request: Request,
  schema: S,
  fixed: Record<string, unknown> = {},
): Promise<z.infer<S> | Response> {
  const body = await readJsonObject(request);
  if (body instanceof Response) return body;
  return parseOr400(schema, { ...body, ...fixed });
}

/**
 * A POST that changes one booking (/bookings/{code}/cancel, /reschedule): the code from the path,
 * the rest from a JSON body parsed by `schema`, the booking as it now is back.
 */
export function bookingChangeRoute<S extends z.ZodType<{ phone: string }>>(
  schema: S,
  change: (input: z.output<S> & { code: string }, options: { ifVersion?: number }) => Promise<BookingResult>,
) {
  return apiRoute<{ code: string }>(
    async (request, caller, params) => {
      const code = await codeFrom(params);
      if (code instanceof Response) return code;
      const ifVersion = versionFromIfMatch(request.headers.get("if-match"));
      if (ifVersion instanceof Response) return ifVersion;
      const input = await bodyOf(request, schema);
      if (input instanceof Response) return input;
      const result = await changeOwnBooking({ phone: input.phone, address: lookUpSubject(caller) }, () =>
        change({ ...input, code }, { ifVersion }),
      );
      if (!result.ok) return failureResponse(result, { conflict: "booking_not_changeable" });
      return json(presentBooking(result.booking), 200, { ETag: bookingEtag(result.booking) });
    },
    { replayable: true },
  );
}

/** A booking's ETag: its version, which every change raises (a database trigger). */
export function bookingEtag(booking: { version: number }): string {
  return `"${booking.version}"`;
}

/**
 * The version an If-Match names: none (absent or "*": any version), the number in a strong ETag
 * ("3"), or the answer to anything else. A weak ETag never matches for a change (RFC 9110).
 */
function versionFromIfMatch(header: string | null): number | undefined | Response {
  if (header === null || header.trim() === "*") return undefined;
  const match = /^\s*"(\d{1,9})"\s*$/.exec(header);
  if (!match) {
    return errorResponse(
      "invalid_input",
      'If-Match 应为查询预约时得到的 ETag，例如 "3"（带引号）；不需要时不要发送这个请求头。',
      {
        "If-Match": '应为查询预约时得到的 ETag，例如 "3"。',
      },
    );
  }
  return Number(match[1]);
}

/** A waitlist entry as the JSON API shows it; an open offer carries its booking code and the end of its hold. */
export function presentWaitlistEntry(entry: WaitlistEntryView) {
  return {
    id: entry.id,
    status: entry.status,
    venue: { slug: entry.venue.slug, name: entry.venue.name },
    from: entry.from,
    to: entry.to,
    ...(entry.offer
      ? {
          offer: { code: entry.offer.code, start: toIsoOffset(entry.offer.start), heldUntil: toIsoOffset(entry.offer.heldUntil) },
        }
      : {}),
  };
}
