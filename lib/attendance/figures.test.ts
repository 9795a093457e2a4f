// Attended hours beside scheduled hours where staff and lawyers read them: the rota (hours and the
// week's 已签到 / 未签到 marks), the lawyer's schedule page, the dashboard (hours and the 未签到
// list) and the year's figures (month by month across the year's end). Real PostgreSQL, odd TZ.
import { describe, expect, it } from "vitest";
import { townScope } from "@/lib/auth/scope";
import { monthOf } from "@/lib/schedule/hours";
import { getSchedule, loadRota } from "@/lib/schedule/queries";
import { loadDashboard } from "@/lib/stats/dashboard/queries";
import { loadVillageHours } from "@/lib/stats/hours/queries";
import { parseDashboardFilters } from "@/lib/stats/schema";
import { createVenueFixture, everyTown, lawyerActor, prisma } from "@/lib/testing/fixtures";
import { addDays, zonedInstant } from "@/lib/time";
import { recordArrival, recordDeparture } from "./mutations";

/** Open day 1: signed in 09:00, out 10:30. Open day 2: nobody came. `now` is day 2 at 13:00. */
async function twoDays() {
  const f = await createVenueFixture();
  const lawyer = f.lawyers[0];
  const actor = lawyerActor(lawyer.id);
  const at = (days: number, minute: number) => zonedInstant(f.dateOn(days), minute);
  const arrived = await recordArrival(actor, { venueId: f.venue.id, startMinute: 540 }, { now: at(1, 540) });
  if (!arrived.ok) throw new Error(arrived.message);
  expect((await recordDeparture(actor, arrived.attendanceId, { now: at(1, 630) })).ok).toBe(true);
  return { f, lawyer, actor, at, now: at(2, 13 * 60) };
}

describe("attended hours beside scheduled hours", () => {
  it("on the rota: the village's attended hours, and the week's sessions marked 已签到 and 未签到", async () => {
    const { f, now } = await twoDays();
    const [d1, d2, d3] = [f.dateOn(1), f.dateOn(2), f.dateOn(3)];
    const scope = townScope({
      id: "staff-figures",
      role: "STAFF",
      displayName: "司法所",
      lawyerId: null,
      townId: f.venue.townId,
    });
    if (!scope) throw new Error("no scope");
    const rows = await loadRota(scope, { month: monthOf(d1), week: { from: d1, to: d3 }, now });
    const row = rows.find((r) => r.venue.id === f.venue.id);
    if (!row) throw new Error("the fixture's venue is not on the rota");
    // Day 2 may fall in the next month; the month's hours are day 1's.
    expect(row.attended).toBe(1.5);
    // Judged on those 1.5 hours served, not on the hours scheduled (issue 22 item 5).
    expect(row.judgement).toMatchObject({ attended: 1.5, met: false, shortfall: 6.5 });
    expect(["in_progress", "short"]).toContain(row.judgement.state);
    expect(row.days.get(d1)?.map((c) => c.mark)).toEqual(["attended"]);
    expect(row.days.get(d2)?.map((c) => c.mark)).toEqual(["missed"]);
    expect(row.days.get(d3)?.map((c) => c.mark)).toEqual([null]);
  });

  it("on the lawyer's schedule page: everyone's and their own attended hours per village and month", async () => {
    const { f, lawyer, actor, at } = await twoDays();
    const schedule = await getSchedule(actor, lawyer.id, { now: at(1, 14 * 60) });
    const line = schedule?.hours.find((h) => h.venue.id === f.venue.id && h.month === monthOf(f.dateOn(1)));
    expect(line).toMatchObject({ attended: 1.5, mineAttended: 1.5 });
  });

  it("on the dashboard: attended hours this month, and the session nobody signed in to", async () => {
    const { f, lawyer, at } = await twoDays();
    const now = at(2, 13 * 60);
    const filters = parseDashboardFilters({ venue: f.venue.slug }, now);
    if (!filters.ok) throw new Error("filters");
    const result = await loadDashboard(everyTown, filters.value, now);
    if (!result.ok) throw new Error("dashboard");
    const { hours, missed } = result.dashboard;
    const line = hours.lines.find((l) => l.venueId === f.venue.id);
    const month = monthOf(f.dateOn(1));
    expect(month === hours.month ? line?.attended.thisMonth : line?.attended.lastMonth).toBe(1.5);
    // Today's own session (the fixture's duty starts today) ended unattended too, unless today is a holiday.
    const fromDay1 = missed.sessions.filter((m) => m.date >= f.dateOn(1));
    expect(fromDay1.map((m) => [m.date, m.lawyer.id, m.venue.id])).toEqual([[f.dateOn(2), lawyer.id, f.venue.id]]);
    expect(missed.count).toBe(missed.sessions.length);
  });

  it("in the year's figures: month by month across the year's end, whatever the server's TZ", async () => {
    const f = await createVenueFixture();
    const lawyerId = f.lawyers[0].id;
    // Shanghai 2026-12-31 23:00 → 2027-01-01 01:00, and 2027-01-04 09:00–17:00 (8 hours: the target).
    await prisma.attendance.createMany({
      data: [
        {
          lawyerId,
          venueId: f.venue.id,
          arrivedAt: new Date("2026-12-31T15:00:00Z"),
          leftAt: new Date("2026-12-31T17:00:00Z"),
          sessionEndsAt: new Date("2026-12-31T17:00:00Z"),
        },
        {
          lawyerId,
          venueId: f.venue.id,
          arrivedAt: new Date("2027-01-04T01:00:00Z"),
          leftAt: new Date("2027-01-04T09:00:00Z"),
          sessionEndsAt: new Date("2027-01-04T09:00:00Z"),
        },
      ],
    });
    const hours = await loadVillageHours(everyTown, { from: "2026-12-15", to: "2027-01-10" }, new Date("2027-03-01T00:00:00Z"));
    expect(hours.months).toEqual(["2026-12", "2027-01"]);
    const row = hours.rows.find((r) => r.venueId === f.venue.id);
    expect(row?.months.map((m) => [m.month, m.attended, m.met])).toEqual([
      ["2026-12", 1, false],
      ["2027-01", 9, true],
    ]);
    expect(row).toMatchObject({ attended: 10, monthsMet: 1 });
  });

  it("in the year's figures: months before the workroom's service began are not counted as missed", async () => {
    const f = await createVenueFixture();
    // The fixture's duty starts today; a service before it, served in full, then nothing.
    const arrivedAt = zonedInstant(addDays(f.today, -20), 9 * 60);
    await prisma.attendance.create({
      data: {
        lawyerId: f.lawyers[0].id,
        venueId: f.venue.id,
        arrivedAt,
        leftAt: new Date(arrivedAt.getTime() + 8 * 3600_000),
        sessionEndsAt: new Date(arrivedAt.getTime() + 8 * 3600_000),
      },
    });
    const since = monthOf(addDays(f.today, -20));
    const threeMonthsBefore = monthOf(addDays(`${since}-01`, -80));
    const hours = await loadVillageHours(everyTown, { from: `${threeMonthsBefore}-01`, to: f.today });
    const row = hours.rows.find((r) => r.venueId === f.venue.id);
    const states = Object.fromEntries(row?.months.map((m) => [m.month, m.judgement.state]) ?? []);
    for (const m of hours.months.filter((m) => m < since)) expect(states[m], m).toBe("before_service");
    expect(states[since]).toBe("met");
    expect(row?.monthsMet).toBe(1);
    expect(row?.monthsCounted).toBe(hours.months.filter((m) => m >= since && (m < monthOf(f.today) || m === since)).length);
  });
});
