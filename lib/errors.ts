// Expected failures are values with a code and a Simplified Chinese sentence saying what to do next.
// Each code means one thing:
//   invalid_input     — what was sent must be corrected (errors by field in `fields`);
//   not_found         — no such thing, or not one this caller may see;
//   forbidden         — the caller is signed in but may not do this;
//   conflict          — the thing exists but its state does not allow this now (already cancelled,
//                       already started, already deactivated);
//   slot_taken        — someone else booked the time first;
//   slot_unavailable  — the time is not on offer (off duty, too soon, too far ahead);
//   too_many_bookings — the phone number's limit of upcoming bookings;
//   already_booked    — the phone already holds an upcoming booking at this venue (the villager's
//                       own form asks before booking another);
//   bookings_affected — a change to duty hours touches bookings: the caller must choose for each;
//   booking_changed   — the booking changed since the version the caller read (the API's If-Match);
//   duplicate_booking — this phone has already booked this very time;
//   too_many_requests — a limit on tries (lib/rate-limit.ts): wait `retryAfterSeconds`.
// Relative: next.config.ts loads this file (through lib/security.ts) without the "@/" alias.
import { MAX_UPCOMING_PER_PHONE } from "./booking/rules";
export type FailureCode =
  | "invalid_input"
  | "not_found"
  | "forbidden"
  | "conflict"
  | "slot_taken"
  | "slot_unavailable"
  | "too_many_bookings"
  | "already_booked"
  | "bookings_affected"
  | "booking_changed"
  | "duplicate_booking"
  | "too_many_requests";

export type Failure<C extends FailureCode = FailureCode> = {
  ok: false;
  code: C;
  message: string;
  fields?: Record<string, string>;
  /** For too_many_requests: how long to wait (the API's Retry-After). */
  retryAfterSeconds?: number;
};

export const MESSAGES: Record<FailureCode, string> = {
  invalid_input: "填写的内容有误，请按提示修改后再提交。",
  not_found: "没有找到这个预约。请核对预约号和预约时留的电话号码；如仍有问题，请拨打 12348。",
  forbidden: "没有权限：您的账号不能进行这个操作。如需办理，请联系司法所工作人员。",
  conflict: "这项内容刚刚有了变化，不能这样操作了。请刷新页面后再看。",
  slot_taken: "这个时间刚刚被别人约走了，请选择其他时间。",
  slot_unavailable: "这个时间不能预约（不在律师值班时间内，或离现在太近、太远），请选择页面上列出的时间。",
  too_many_bookings: `这个手机号码已有 ${MAX_UPCOMING_PER_PHONE} 个未到期的预约，或在同一时间已有预约。请先取消不需要的预约，或拨打 12348。`,
  already_booked:
    "这个手机号码在这里已经有一个还没到期的预约。为免重复，请先查看原来的预约；确实还要再约一个时间，请勾选“我知道已有预约，仍要再约一个”后再提交。",
  bookings_affected: "这个改动会影响已有的预约，请为每个预约选择怎样处理。",
  booking_changed: "这个预约在您查看之后已经有了变动，这次没有改动。请重新查看预约，再决定是否改期或取消。",
  duplicate_booking:
    "这个电话号码已经预约了这个时间，不用再约。要查看、改期或取消，请用预约号和电话号码查询；忘了预约号请拨打 12348。",
  too_many_requests: "操作太频繁了，请稍后再试；如有急事，请拨打 12348。",
};

/** What a person or program sees when something unexpected went wrong. */
export const INTERNAL_ERROR_MESSAGE = "服务器暂时出了问题，请稍后再试，或拨打 12348。";
/** The same after a form was sent: nothing was saved. */
export const NOT_SAVED_MESSAGE = "服务器暂时出了问题，您刚才提交的内容没有保存。请稍后再试，或拨打 12348。";

export function failure<C extends FailureCode>(code: C, message = MESSAGES[code], fields?: Record<string, string>): Failure<C> {
  return fields ? { ok: false, code, message, fields } : { ok: false, code, message };
}

/** Thrown inside a transaction to roll it back and answer with an expected failure instead. */
export class Rejected<F extends { ok: false; code: FailureCode } = Failure> extends Error {
  constructor(readonly result: F) {
    super(result.code);
  }
}

/** Whole minutes to tell a person to wait, at least 1. */
export function minutesToWait(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

/** A limit on tries was reached: the sentence says how many minutes to wait. */
export function tooManyRequests(retryAfterSeconds: number, what = "操作"): Failure<"too_many_requests"> {
  const minutes = minutesToWait(retryAfterSeconds);
  return {
    ok: false,
    code: "too_many_requests",
    message: `${what}次数太多，为防止他人冒用，请 ${minutes} 分钟后再试；如有急事，请拨打 12348。`,
    retryAfterSeconds,
  };
}
