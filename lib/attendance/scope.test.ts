// Attendance in a town scope (issue 23): a town's staff read, correct and 补录 attendance only at
// their town's venues; another town's answers as a missing one and nothing changes. Real PostgreSQL.
import { describe, expect, it } from "vitest";
import { createTownFixture, createVenueFixture, lawyerActor, prisma, staffScopeOf } from "@/lib/testing/fixtures";
import { zonedInstant } from "@/lib/time";
import { correctAttendance, recordArrival, recordMissedAttendance } from "./mutations";
import { listAttendances } from "./queries";

const staffOf = staffScopeOf;

async function attendedInTownA() {
  const [townA, townB] = [await createTownFixture("甲镇"), await createTownFixture("乙镇")];
  const f = await createVenueFixture({ townId: townA.id });
  const lawyer = f.lawyers[0];
  const arrived = await recordArrival(
    lawyerActor(lawyer.id),
    { venueId: f.venue.id, startMinute: 540 },
    { now: zonedInstant(f.dateOn(1), 545) },
  );
  if (!arrived.ok) throw new Error(arrived.message);
  const now = zonedInstant(f.dateOn(3), 15 * 60);
  return { a: staffOf(townA.id), b: staffOf(townB.id), f, lawyer, attendanceId: arrived.attendanceId, now };
}

const range = { from: "2000-01-01", to: "2100-12-31" };

describe("attendance in a town scope", () => {
  it("is listed to its own town's staff only", async () => {
    const { a, b, lawyer, attendanceId } = await attendedInTownA();
    expect(await listAttendances(b, { ...range, lawyerId: lawyer.id })).toEqual([]);
    expect((await listAttendances(b, range)).map((r) => r.id)).not.toContain(attendanceId);
    expect((await listAttendances(a, { ...range, lawyerId: lawyer.id })).map((r) => r.id)).toEqual([attendanceId]);
  });

  it("is corrected and 补录 by its own town's staff only; another town's answer as missing, nothing changed", async () => {
    const { a, b, f, lawyer, attendanceId, now } = await attendedInTownA();
    const rows = () => prisma.attendance.findMany({ where: { lawyerId: lawyer.id }, orderBy: { arrivedAt: "asc" } });
    const before = await rows();
    const correction = { attendanceId, arrived: "09:00", left: "11:00", reason: "律师忘了签退" };
    expect(await correctAttendance(b, correction, { now })).toEqual(
      await correctAttendance(b, { ...correction, attendanceId: "no-such-attendance" }, { now }),
    );
    expect(await correctAttendance(b, correction, { now })).toMatchObject({ ok: false, code: "not_found" });
    const missed = {
      lawyerId: lawyer.id,
      venueId: f.venue.id,
      date: f.dateOn(2),
      startMinute: 540,
      arrived: "09:00",
      left: "12:00",
      reason: "村委会证明律师到过",
    };
    expect(await recordMissedAttendance(b, missed, { now })).toMatchObject({ ok: false, code: "not_found" });
    expect(await rows()).toEqual(before);
    expect(await prisma.auditLog.count({ where: { actorId: b.actor.id } })).toBe(0);

    expect(await correctAttendance(a, correction, { now })).toMatchObject({ ok: true });
    expect(await recordMissedAttendance(a, missed, { now })).toMatchObject({ ok: true });
    expect(await rows()).toHaveLength(2);
  });
});
