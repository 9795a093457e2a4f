// A lawyer's own duty exceptions, read and taken back by the lawyer (their reach has no town).
import { expect, it } from "vitest";
import { createVenueFixture, lawyerActor } from "@/lib/testing/fixtures";
import { addLeave, removeException } from "./mutations";
import { getSchedule } from "./queries";

it("a lawyer's own leave, at a venue and at all venues, shows on their schedule and can be taken back", async () => {
  const f = await createVenueFixture();
  const a = f.lawyers[0];
  const me = lawyerActor(a.id);
  const leave = { startMinute: 11 * 60 + 30, endMinute: 12 * 60, note: null };
  expect(await addLeave(me, a.id, { ...leave, date: f.dateOn(5), venueId: f.venue.id })).toMatchObject({ ok: true });
  expect(await addLeave(me, a.id, { ...leave, date: f.dateOn(6), venueId: null })).toMatchObject({ ok: true });
  const listed = (await getSchedule(me, a.id))?.exceptions ?? [];
  expect(listed.map((e) => e.date).sort()).toEqual([f.dateOn(5), f.dateOn(6)]);
  for (const e of listed) expect(await removeException(me, a.id, { exceptionId: e.id })).toMatchObject({ ok: true });
  expect((await getSchedule(me, a.id))?.exceptions).toEqual([]);
});
