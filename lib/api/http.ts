// JSON helpers shared by the /api/v1 route handlers: one error shape, Chinese messages, no stack traces.
import type { z } from "zod";
import { bookingCode } from "@/lib/booking/schema";
import { type Failure, type FailureCode, MESSAGES } from "@/lib/errors";
import { fieldErrors } from "@/lib/form";
import { isPlainText } from "@/lib/form-values";
import { json, problem, retryHeaders } from "@/lib/http";
import { waitlistEntryId } from "@/lib/waitlist/schema";

export { guarded, json, jsonText } from "@/lib/http";

/** The codes the public API documents (openapi.ts); they do not change. */
export type ApiErrorCode =
  | "invalid_input"
  | "not_found"
  | "slot_taken"
  | "slot_unavailable"
  | "too_many_bookings"
  | "booking_changed"
  | "duplicate_booking"
  | "booking_not_changeable"
  | "waitlist_ended"
  | "too_many_requests";

// A booking whose state does not allow the change (already cancelled or started) is documented as
// 409 slot_unavailable; the API has no sign-in, so nothing is ever forbidden there.
const API_CODE: Record<FailureCode, ApiErrorCode> = {
  invalid_input: "invalid_input",
  not_found: "not_found",
  forbidden: "not_found",
  conflict: "slot_unavailable",
  slot_taken: "slot_taken",
  slot_unavailable: "slot_unavailable",
  too_many_bookings: "too_many_bookings",
  // Only the villager's own form asks this; the API books as asked.
  already_booked: "too_many_bookings",
  bookings_affected: "slot_unavailable",
  booking_changed: "booking_changed",
  duplicate_booking: "duplicate_booking",
  too_many_requests: "too_many_requests",
};

/** The API's own sentences for the codes that are not failures of the app's (the rest: lib/errors.ts MESSAGES). */
export const API_MESSAGES: Record<Exclude<ApiErrorCode, FailureCode>, string> = {
  booking_not_changeable: "这个预约已经取消、已经开始或已经结束，不能再改期或取消。如有需要，请拨打 12348。",
  waitlist_ended: "这个候补登记已经结束（已退出、已预约或已过期）。需要的话，请重新登记候补。",
};

/** A key in Authorization that is not a valid one (lib/api/caller.ts): 401 invalid_api_key. */
export const INVALID_API_KEY_MESSAGE =
  "API 密钥无效或已停用。请检查请求头 Authorization: Bearer 后的密钥是否完整；密钥已更换或停用的，请向登记您的司法所或区司法局索取新密钥。不用密钥时请不要发送 Authorization 请求头。";

export function messageOf(code: ApiErrorCode): string {
  return code in API_MESSAGES ? API_MESSAGES[code as keyof typeof API_MESSAGES] : MESSAGES[code as FailureCode];
}

export function errorResponse(code: ApiErrorCode, message: string = messageOf(code), fields?: Record<string, string>): Response {
  return problem(code, message, fields);
}

/**
 * The failure as the API answers it. `conflict` names what a state conflict means on the caller's
 * operation (issue 25 item 4): a booking that can no longer be changed, a waitlist entry that ended;
 * without it, the documented slot_unavailable of before.
 */
export function failureResponse(failure: Failure, { conflict }: { conflict?: ApiErrorCode } = {}): Response {
  const code = failure.code === "conflict" && conflict ? conflict : API_CODE[failure.code];
  return problem(code, failure.message, failure.fields, retryHeaders(failure));
}

const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/**
 * Reads a JSON object body; anything else (another declared content type, not JSON, an array,
 * null, empty) is an invalid_input answer. A missing Content-Type is tolerated; a wrong one is not,
 * so a form post or a text body is refused before it is guessed at.
 */
const UTF8 = new TextDecoder("utf-8", { fatal: true });

export async function readJsonObject(request: Request): Promise<Record<string, unknown> | Response> {
  const type = request.headers.get("content-type");
  if (type !== null && !JSON_TYPE.test(type.trim())) {
    return errorResponse("invalid_input", "请以 JSON 格式发送，并设置请求头 Content-Type: application/json。", {
      _: "请求内容应为 JSON（Content-Type: application/json）。",
    });
  }
  let body: unknown;
  try {
    // Strict UTF-8: request.json() would store invalid bytes as "�" in a villager's name.
    body = JSON.parse(UTF8.decode(await request.arrayBuffer()));
  } catch (error) {
    if (error instanceof TypeError) {
      return errorResponse("invalid_input", "请求内容不是有效的 UTF-8 文字，请用 UTF-8 编码发送 JSON。", {
        _: "请求内容不是有效的 UTF-8 文字。",
      });
    }
    return errorResponse("invalid_input", "请求内容不是有效的 JSON，请发送一个 JSON 对象。", { _: "请求内容不是有效的 JSON。" });
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return errorResponse("invalid_input", "请求内容应为一个 JSON 对象。", { _: "请求内容应为一个 JSON 对象。" });
  }
  return body as Record<string, unknown>;
}

const TYPE_NAMES: Record<string, string> = { string: "文字（字符串）", object: "对象", boolean: "true 或 false", number: "数字" };

/**
 * Chinese fallbacks for the issues the shared schemas leave to zod's English defaults (a number
 * where text belongs, an unknown option). The schemas' own messages still come first.
 */
const chineseFallback: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined
        ? "请填写这一项。"
        : `这一项的类型不对，应为${TYPE_NAMES[issue.expected] ?? "接口说明中的类型"}。`;
    case "invalid_value":
      return `请从以下选项中选择：${issue.values.map(String).join("、")}。`;
    case "too_big":
      return `太长了，最多 ${issue.maximum} 个字，请删减一些。`;
    case "too_small":
      return "这一项不能为空；不需要时请不要发送这一项。";
    default:
      return "这一项填写有误，请按接口说明修改。";
  }
};

/** Parses with a zod schema, or answers 400 with the fields keyed by input name. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> | Response {
  const parsed = schema.safeParse(value, { error: chineseFallback });
  if (parsed.success) return parsed.data;
  return errorResponse("invalid_input", MESSAGES.invalid_input, fieldErrors(parsed.error));
}

/** The booking code from the path; a malformed code answers like a wrong one, so codes cannot be probed. */
export async function codeFrom(params: Promise<{ code: string }>): Promise<string | Response> {
  const code = bookingCode.safeParse((await params).code);
  return code.success ? code.data : errorResponse("not_found");
}

export const NO_WAITLIST_ENTRY = "没有找到这条候补登记。请核对登记号和登记时留的手机号码。";
/** What an unknown venue slug answers, wherever the path names one. */
export const NO_VENUE = "没有这个服务地点，请从 /api/v1/venues 中选择。";
/** What an unknown ?town= answers. */
export const NO_TOWN = "没有这个镇（街道），请从 /api/v1/towns 中选择。";

/** A waitlist entry's id from the path; a malformed id answers like a wrong one. */
export async function entryIdFrom(params: Promise<{ id: string }>): Promise<string | Response> {
  const id = waitlistEntryId.safeParse((await params).id);
  return id.success ? id.data : errorResponse("not_found", NO_WAITLIST_ENTRY);
}

/** A venue slug from the path; null when it holds a control character, which no slug has (and PostgreSQL refuses NUL). */
export async function slugFrom(params: Promise<{ slug: string }>): Promise<string | null> {
  const { slug } = await params;
  return isPlainText(slug) ? slug : null;
}

const UNKNOWN_PATH_MESSAGE = "没有这个接口地址。请对照接口说明 /api/v1/openapi.json 检查地址。";

/** What an unknown /api/v1 path answers, whatever the method (app/api/v1/[...path]/route.ts). */
export const unknownPath = () => errorResponse("not_found", UNKNOWN_PATH_MESSAGE);

/** The methods Next.js routes to a route handler. */
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
/** Next.js answers HEAD with the GET handler, so a route that takes GET takes HEAD too. */
type Taken<M extends Method> = M | ("GET" extends M ? "HEAD" : never);
type Handler = (request: Request) => Response | Promise<Response>;

/**
 * Handlers for the methods a v1 route does not take, to export beside the ones it does:
 * `export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET")`. Without them Next.js
 * answers an empty 405, and its own OPTIONS would list these too. A 405 carries the error shape
 * (code method_not_allowed) and `Allow`; OPTIONS answers 204 with the same `Allow`.
 */
export function otherMethods<const M extends Method>(...taken: M[]): Record<Exclude<Method, Taken<M>> | "OPTIONS", Handler> {
  const allowed = new Set<string>([...taken, "OPTIONS"]);
  if (allowed.has("GET")) allowed.add("HEAD");
  const allow = [...allowed].sort().join(", ");
  const names = taken.join(" 或 ");
  const refuse =
    (method: Method): Handler =>
    () =>
      json({ error: { code: "method_not_allowed", message: `这个接口地址不支持 ${method} 请求，请改用 ${names} 请求。` } }, 405, {
        Allow: allow,
      });
  // A preflight gets CORS headers when its origin is a registered client's (lib/api/cors.ts).
  // Loaded when asked: this module is also read outside the server (scripts/lint-openapi.ts).
  const options: Handler = async (request: Request) => (await import("./cors")).preflight(request, allow);
  return Object.fromEntries([
    ...METHODS.filter((m) => !allowed.has(m)).map((m) => [m, refuse(m)]),
    ["OPTIONS", options],
  ]) as Record<Exclude<Method, Taken<M>> | "OPTIONS", Handler>;
}
