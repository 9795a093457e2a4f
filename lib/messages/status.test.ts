// How a message's state reads, whether it may be sent again, and the confirmation's promise.
// Runs with TZ=America/Los_Angeles: every time here is Shanghai's.
import { describe, expect, it } from "vitest";
import { zonedInstant } from "@/lib/time";
import { mayResend, staffStatus, villagerStatus, whatWillCome } from "./status";

const at = (date: string, hh: number, mm = 0) => zonedInstant(date, hh * 60 + mm);
const now = at("2026-12-01", 22);

describe("staffStatus", () => {
  it("says when a queued message not yet due will go, and names the others", () => {
    expect(staffStatus({ status: "QUEUED", sendAfter: at("2026-12-02", 8) }, now)).toBe("等待 12月2日 08:00 后发送");
    expect(staffStatus({ status: "QUEUED", sendAfter: at("2026-12-01", 23) }, now)).toBe("等待 23:00 后发送");
    expect(staffStatus({ status: "QUEUED", sendAfter: at("2026-12-01", 10) }, now)).toBe("排队中");
    expect(staffStatus({ status: "SENDING", sendAfter: now }, now)).toBe("发送中");
    expect(staffStatus({ status: "SENT", sendAfter: now }, now)).toBe("已发送");
    expect(staffStatus({ status: "FAILED", sendAfter: now }, now)).toBe("发送失败");
    expect(staffStatus({ status: "CALL", sendAfter: now }, now)).toBe("需电话通知");
    expect(staffStatus({ status: "DROPPED", sendAfter: now }, now)).toBe("已取消");
  });

  it("says a test booking's handled text stayed in the outbox", () => {
    expect(staffStatus({ status: "SENT", sendAfter: now, test: true }, now)).toBe("留在发件箱，没有发出（测试预约）");
    expect(staffStatus({ status: "QUEUED", sendAfter: at("2026-12-02", 8), test: true }, now)).toBe("等待 12月2日 08:00 后发送");
  });
});

describe("villagerStatus", () => {
  const none = { sentAt: null, calledAt: null };
  it("gives the time sent, or the time it will go, in Shanghai", () => {
    expect(villagerStatus({ status: "SENT", sendAfter: now, sentAt: at("2026-12-01", 9, 5), calledAt: null }, now)).toBe(
      "12月1日 09:05 已发送",
    );
    expect(villagerStatus({ status: "QUEUED", sendAfter: at("2026-12-02", 18), ...none }, now)).toBe("将于 12月2日 18:00 发送");
    expect(villagerStatus({ status: "QUEUED", sendAfter: at("2026-12-01", 9), ...none }, now)).toBe("正在发送");
  });
  it("tells a landline or a failed message that staff will call, and that they did", () => {
    expect(villagerStatus({ status: "CALL", sendAfter: now, ...none }, now)).toBe("工作人员会打电话告诉您");
    expect(villagerStatus({ status: "CALL", sendAfter: now, sentAt: null, calledAt: at("2026-12-01", 10) }, now)).toBe(
      "工作人员已于 12月1日 10:00 打电话告诉您",
    );
    expect(villagerStatus({ status: "FAILED", sendAfter: now, ...none }, now)).toContain("工作人员会打电话");
  });
});

describe("mayResend", () => {
  const confirmed = { status: "CONFIRMED" as const, startsAt: at("2026-12-05", 9) };
  it("offers a failed message to a mobile of a booking still ahead", () => {
    expect(mayResend({ status: "FAILED", kind: "CONFIRMATION", phone: "13812345678" }, confirmed, now)).toBe(true);
  });
  it("never a landline, a message that did not fail, or a confirmation of a booking cancelled or begun", () => {
    expect(mayResend({ status: "CALL", kind: "CONFIRMATION", phone: "0750-6612345" }, confirmed, now)).toBe(false);
    expect(mayResend({ status: "FAILED", kind: "CONFIRMATION", phone: "0750-6612345" }, confirmed, now)).toBe(false);
    expect(mayResend({ status: "SENT", kind: "CONFIRMATION", phone: "13812345678" }, confirmed, now)).toBe(false);
    const cancelled = { ...confirmed, status: "CANCELLED" as const };
    expect(mayResend({ status: "FAILED", kind: "REMINDER", phone: "13812345678" }, cancelled, now)).toBe(false);
    const begun = { ...confirmed, startsAt: at("2026-12-01", 9) };
    expect(mayResend({ status: "FAILED", kind: "CONFIRMATION", phone: "13812345678" }, begun, now)).toBe(false);
  });
  it("but a cancellation still goes after the booking is cancelled", () => {
    const cancelled = { ...confirmed, status: "CANCELLED" as const };
    expect(mayResend({ status: "FAILED", kind: "CANCELLATION", phone: "13812345678" }, cancelled, now)).toBe(true);
  });
});

describe("whatWillCome", () => {
  const start = at("2026-12-03", 9);
  const confirmation = { kind: "CONFIRMATION" as const, status: "QUEUED" as const, sendAfter: now };
  const reminders = [
    { kind: "REMINDER" as const, status: "QUEUED" as const, sendAfter: at("2026-12-03", 7) },
    { kind: "REMINDER" as const, status: "QUEUED" as const, sendAfter: at("2026-12-02", 18) },
  ];
  it("promises the confirmation text and every reminder queued, with the number masked", () => {
    expect(whatWillCome("13812341234", start, [confirmation, ...reminders], now)).toBe(
      "我们会发短信到 138****1234 确认，并在前一天 18:00 和当天 07:00 提醒您。",
    );
    expect(whatWillCome("13812341234", start, [confirmation, reminders[0]], now)).toBe(
      "我们会发短信到 138****1234 确认，并在当天 07:00 提醒您。",
    );
  });
  it("says when a confirmation held back by the quiet hours will go", () => {
    const night = at("2026-11-30", 22);
    const morning = { ...confirmation, sendAfter: at("2026-12-01", 8) };
    expect(whatWillCome("13812341234", start, [morning, reminders[1]], night)).toBe(
      "夜间不发短信，确认短信明天 08:00 发到 138****1234，并在前一天 18:00 提醒您。",
    );
    expect(whatWillCome("13812341234", start, [morning], at("2026-12-01", 0))).toBe(
      "夜间不发短信，确认短信今天 08:00 发到 138****1234。",
    );
  });
  it("leaves the reminder out when none will come (a venue without, or too late for it)", () => {
    expect(whatWillCome("13812341234", start, [confirmation], now)).toBe("我们会发短信到 138****1234 确认。");
  });
  it("tells a landline that staff will phone", () => {
    expect(whatWillCome("0750-6612345", start, [], now)).toBe("工作人员会打电话到 0750***2345 跟您确认。");
  });
});
