// Staff of one town see only their town's waitlist (issue 23). Against the real PostgreSQL: with
// town B's scope, town A's venues and those waiting there are not counted; with A's scope they are.
import { describe, expect, it } from "vitest";
import { type TownScope, townScope } from "@/lib/auth/scope";
import { createTownFixture, createVenueFixture, prisma, uniquePhone } from "@/lib/testing/fixtures";
import { addDays, toDbDate } from "@/lib/time";
import { waitlistByVenue } from "./queries";

const staffOf = (townId: string) =>
  townScope({ id: `waitlist-scope-${townId}`, role: "STAFF", displayName: "工作人员", lawyerId: null, townId }) as TownScope;

describe("the waitlist by venue in another town's scope", () => {
  it("counts none of its venues' waiting; its own staff see them", async () => {
    const [a, b] = await Promise.all([createTownFixture("甲镇"), createTownFixture("乙镇")]);
    const f = await createVenueFixture({ townId: a.id });
    await prisma.waitlistEntry.create({
      data: {
        venueId: f.venue.id,
        name: "候补村民",
        phone: uniquePhone(),
        topicId: f.topic.id,
        fromDate: toDbDate(f.today),
        toDate: toDbDate(addDays(f.today, 7)),
        consentAt: new Date(),
      },
    });
    expect(await waitlistByVenue(staffOf(b.id))).toEqual([]);
    expect(await waitlistByVenue(staffOf(a.id))).toMatchObject([{ venueId: f.venue.id, waiting: 1, offered: 0 }]);
  });
});
