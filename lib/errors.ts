// Expected failures are values with a code and a Simplified Chinese sentence saying what to do next.
export type ErrorCode = "invalid_input" | "not_found" | "slot_taken" | "slot_unavailable" | "too_many_bookings";

export type Failure = { ok: false; code: ErrorCode; message: string; fields?: Record<string, string> };

export const MESSAGES: Record<ErrorCode, string> = {
  invalid_input: "填写的内容有误，请按提示修改后再提交。",
  not_found: "没有找到这个预约。请核对预约号和手机号码；如仍有问题，请拨打 12348。",
  slot_taken: "这个时间刚刚被别人约走了，请选择其他时间。",
  slot_unavailable: "这个时间不能预约（不在律师值班时间内，或离现在太近、太远），请选择页面上列出的时间。",
  too_many_bookings: "这个手机号码已有 3 个未到期的预约，或在同一时间已有预约。请先取消不需要的预约，或拨打 12348。",
};

export function failure(code: ErrorCode, message = MESSAGES[code], fields?: Record<string, string>): Failure {
  return fields ? { ok: false, code, message, fields } : { ok: false, code, message };
}

/** HTTP status for each code, for the JSON API. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  slot_taken: 409,
  slot_unavailable: 409,
  too_many_bookings: 409,
};
