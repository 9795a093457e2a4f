// Staff overrides change the calendar slot generation reads. Far-future dates keep other tests' slots untouched.
import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Forbidden } from "@/lib/auth/can";
import type { CurrentUser } from "@/lib/auth/session";
import { prisma } from "@/lib/testing/fixtures";
import { addDays, isoWeekday } from "@/lib/time";
import { addOverride, removeOverride } from "./mutations";
import { listOverrides, loadHolidayCalendar } from "./queries";
import { overrideInput } from "./schema";

const staff: CurrentUser = { id: "holiday-test-staff", role: "STAFF", displayName: "测试员", lawyerId: null };

/**
 * A random date in June to mid-September of the 2090s with the given ISO weekday: no notice is published that far
 * ahead, and these months hold none of the fixed-date statutory holidays that apply meanwhile.
 */
function randomDate(weekday: number): string {
  const start = addDays(`${2090 + randomInt(0, 10)}-06-01`, randomInt(0, 100));
  let date = start;
  while (isoWeekday(date) !== weekday) date = addDays(date, 1);
  return date;
}

describe("holiday overrides", () => {
  it("turn a weekday into a holiday and a Saturday into a working day, via loadHolidayCalendar", async () => {
    const monday = randomDate(1);
    const saturday = randomDate(6);
    const before = await loadHolidayCalendar();
    expect([before.dayKind(monday), before.dayKind(saturday)]).toEqual(["normal", "normal"]);

    const holiday = await addOverride(staff, { date: monday, kind: "HOLIDAY", note: "台风停工" });
    const workday = await addOverride(staff, { date: saturday, kind: "WORKDAY", note: null });
    if (!holiday.ok || !workday.ok) throw new Error("not added");
    const after = await loadHolidayCalendar();
    expect(after.dayKind(monday)).toBe("holiday");
    expect(after.dayKind(saturday)).toBe("makeup");
    expect(await listOverrides({ from: monday, to: monday })).toEqual([
      { id: holiday.id, date: monday, kind: "HOLIDAY", note: "台风停工" },
    ]);

    expect(await addOverride(staff, { date: monday, kind: "WORKDAY", note: null })).toMatchObject({
      ok: false,
      fields: { date: expect.stringContaining("已经有调整") },
    });

    expect(await removeOverride(staff, holiday.id)).toEqual({ ok: true });
    expect((await loadHolidayCalendar()).dayKind(monday)).toBe("normal");
    expect(await removeOverride(staff, holiday.id)).toMatchObject({ ok: false, code: "not_found" });
    const entries = await prisma.auditLog.findMany({ where: { subjectId: holiday.id }, orderBy: { at: "asc" } });
    expect(entries.map((e) => [e.kind, e.action])).toEqual([
      ["calendar", "create"],
      ["calendar", "delete"],
    ]);
    await removeOverride(staff, workday.id);
  });

  it("are refused to a lawyer", async () => {
    const lawyer: CurrentUser = { id: "l", role: "LAWYER", displayName: "律师", lawyerId: "l" };
    const date = randomDate(3);
    await expect(addOverride(lawyer, { date, kind: "HOLIDAY", note: null })).rejects.toThrow(Forbidden);
    expect(await listOverrides({ from: date, to: date })).toEqual([]);
  });

  it("accept only real dates", () => {
    expect(overrideInput.safeParse({ date: "2026-02-30", kind: "HOLIDAY" }).error?.issues[0]?.message).toBe(
      "没有这一天，请检查月份和日期。",
    );
    expect(overrideInput.parse({ date: "2026-10-09", kind: "WORKDAY", note: "" })).toEqual({
      date: "2026-10-09",
      kind: "WORKDAY",
      note: null,
    });
  });
});
