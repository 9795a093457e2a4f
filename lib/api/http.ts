// JSON helpers shared by the /api/v1 route handlers: one error shape, Chinese messages, no stack traces.
import type { z } from "zod";
import { bookingCode, fieldErrors } from "@/lib/booking/schema";
import { type ErrorCode, type Failure, HTTP_STATUS, MESSAGES } from "@/lib/errors";

const NO_STORE = { "Cache-Control": "no-store" };

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

export function errorResponse(code: ErrorCode, message = MESSAGES[code], fields?: Record<string, string>): Response {
  return json({ error: fields ? { code, message, fields } : { code, message } }, HTTP_STATUS[code]);
}

export function failureResponse(failure: Failure): Response {
  return errorResponse(failure.code, failure.message, failure.fields);
}

/** Reads a JSON object body; anything else (not JSON, an array, empty) is an invalid_input answer. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown> | Response> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return errorResponse("invalid_input", "请求内容不是有效的 JSON，请发送一个 JSON 对象。", { _: "请求内容不是有效的 JSON。" });
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return errorResponse("invalid_input", "请求内容应为一个 JSON 对象。", { _: "请求内容应为一个 JSON 对象。" });
  }
  return body as Record<string, unknown>;
}

/** Parses with a zod schema, or answers 400 with the fields keyed by input name. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> | Response {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  return errorResponse("invalid_input", MESSAGES.invalid_input, fieldErrors(parsed.error));
}

/** Turns an unexpected error into a plain 500 without details; the details go to the server log. */
export async function guarded(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    console.error(error);
    return json({ error: { code: "internal_error", message: "服务器暂时出了问题，请稍后再试，或拨打 12348。" } }, 500);
  }
}

/** The booking code from the path; a malformed code answers like a wrong one, so codes cannot be probed. */
export async function codeFrom(params: Promise<{ code: string }>): Promise<string | Response> {
  const code = bookingCode.safeParse((await params).code);
  return code.success ? code.data : errorResponse("not_found");
}
