// Staff overrides change the calendar slot generation reads. Far-future dates keep other tests' slots untouched.
import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Forbidden } from "@/lib/auth/can";
import { type TownScope, townScope } from "@/lib/auth/scope";
import { createTownFixture, prisma, testTownId } from "@/lib/testing/fixtures";
import { addDays, isoWeekday } from "@/lib/time";
import { addOverride, removeOverride } from "./mutations";
import { listOverrides, loadHolidayCalendar } from "./queries";
import { overrideInput } from "./schema";

const scopeOf = (role: "STAFF" | "ADMIN", townId: string) =>
  townScope({ id: `holiday-test-${role.toLowerCase()}`, role, displayName: "测试员", lawyerId: null, townId }) as TownScope;
/** The calendar is every town's: an administrator changes it (lib/auth/can.ts manageHolidays). */
const asAdmin = async () => scopeOf("ADMIN", await testTownId());

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

    const holiday = await addOverride(await asAdmin(), { date: monday, kind: "HOLIDAY", note: "台风停工" });
    const workday = await addOverride(await asAdmin(), { date: saturday, kind: "WORKDAY", note: null });
    if (!holiday.ok || !workday.ok) throw new Error("not added");
    const after = await loadHolidayCalendar();
    expect(after.dayKind(monday)).toBe("holiday");
    expect(after.dayKind(saturday)).toBe("makeup");
    expect(await listOverrides({ from: monday, to: monday })).toEqual([
      { id: holiday.id, date: monday, kind: "HOLIDAY", note: "台风停工" },
    ]);

    expect(await addOverride(await asAdmin(), { date: monday, kind: "WORKDAY", note: null })).toMatchObject({
      ok: false,
      fields: { date: expect.stringContaining("已经有调整") },
    });

    expect(await removeOverride(await asAdmin(), holiday.id)).toEqual({ ok: true });
    expect((await loadHolidayCalendar()).dayKind(monday)).toBe("normal");
    expect(await removeOverride(await asAdmin(), holiday.id)).toMatchObject({ ok: false, code: "not_found" });
    const entries = await prisma.auditLog.findMany({ where: { subjectId: holiday.id }, orderBy: { at: "asc" } });
    expect(entries.map((e) => [e.kind, e.action])).toEqual([
      ["calendar", "create"],
      ["calendar", "delete"],
    ]);
    await removeOverride(await asAdmin(), workday.id);
  });

  it("are refused to a town's staff (they change every town's duty), and a lawyer has no town scope at all", async () => {
    const date = randomDate(3);
    const staff = scopeOf("STAFF", (await createTownFixture()).id);
    await expect(addOverride(staff, { date, kind: "HOLIDAY", note: null })).rejects.toThrow(Forbidden);
    expect(await listOverrides({ from: date, to: date })).toEqual([]);
    const added = await addOverride(await asAdmin(), { date, kind: "HOLIDAY", note: null });
    if (!added.ok) throw new Error(added.message);
    await expect(removeOverride(staff, added.id)).rejects.toThrow(Forbidden);
    expect(await listOverrides({ from: date, to: date })).toHaveLength(1);
    await removeOverride(await asAdmin(), added.id);
    expect(townScope({ id: "l", role: "LAWYER", displayName: "律师", lawyerId: "l" })).toBeNull();
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
