// Idempotent seed: creates what is missing and never overwrites what staff have edited.

import { hashPassword } from "../../lib/auth/password";
import type { PrismaClient } from "../../lib/db-client";
import { toDbDate, todayInShanghai } from "../../lib/time";
import { DEMO_LAWYERS, DEMO_PASSWORDS } from "./demo";
import { TOPICS } from "./topics";
import { DISTRICT_TOWNS, districtVenues, MUZHOU, type TownSeed } from "./towns";
import { VENUES, type VenueSeed } from "./venues";

export type SeedOptions = { demo: boolean; now?: Date };

/** A town and its venues, creating what is missing; returns the town's id. */
async function seedTown(prisma: PrismaClient, town: TownSeed, venues: VenueSeed[], sortOrder: number): Promise<string> {
  const { id } = await prisma.town.upsert({
    where: { slug: town.slug },
    update: {},
    create: { ...town, sortOrder },
    select: { id: true },
  });
  for (const [index, venue] of venues.entries()) {
    await prisma.venue.upsert({ where: { slug: venue.slug }, update: {}, create: { ...venue, townId: id, sortOrder: index } });
  }
  return id;
}

export async function seedDatabase(prisma: PrismaClient, { demo, now = new Date() }: SeedOptions) {
  const townId = await seedTown(prisma, MUZHOU, VENUES, 0);
  for (const [index, topic] of TOPICS.entries()) {
    await prisma.topic.upsert({ where: { code: topic.code }, update: {}, create: { ...topic, sortOrder: index } });
  }
  if (demo) await seedDemo(prisma, townId, now);
}

/**
 * `npm run db:seed -- --district`: Xinhui's other towns with their venues; on the demo database also
 * a staff account and two lawyers on duty per town, and the district's own account.
 */
export async function seedDistrict(prisma: PrismaClient, { demo, now = new Date() }: SeedOptions) {
  const validFrom = toDbDate(todayInShanghai(now));
  for (const [index, entry] of DISTRICT_TOWNS.entries()) {
    const townId = await seedTown(prisma, entry.town, districtVenues(entry), index + 1);
    if (!demo) continue;
    await createAccount(prisma, {
      username: `staff-${entry.town.slug}`,
      displayName: `${entry.town.officeName}工作人员（示例）`,
      role: "ADMIN",
      townId,
      password: DEMO_PASSWORDS.staff,
    });
    const venues = await prisma.venue.findMany({ where: { townId }, orderBy: { sortOrder: "asc" }, select: { id: true } });
    for (const n of [1, 2]) {
      const username = `lawyer-${entry.town.slug}-${n}`;
      if (await prisma.user.findUnique({ where: { username }, select: { id: true } })) continue;
      // Each lawyer sits in at the station one morning a week and serves every other workroom, a
      // half-day a week at each of the first nine (one place at a time: duty_session_lawyer_no_overlap).
      const served = venues.filter((_, i) => i === 0 || i % 2 === n - 1);
      const halfDays = [1, 2, 3, 4, 5]
        .map((weekday) => ({ weekday, morning: false }))
        .concat([1, 2, 3, 4, 5].filter((weekday) => weekday !== n).map((weekday) => ({ weekday, morning: true })));
      await prisma.user.create({
        data: {
          username,
          displayName: `${entry.town.shortName}律师${n}（示例）`,
          role: "LAWYER",
          passwordHash: await hashPassword(DEMO_PASSWORDS.lawyer),
          lawyer: {
            create: {
              name: `${entry.town.shortName}律师${n}（示例）`,
              firm: `广东${entry.town.shortName}律师事务所（示例）`,
              publicPhone: `1380013${String(index * 2 + n).padStart(4, "0")}`,
              venues: { create: served.map((v) => ({ venueId: v.id })) },
              sessions: {
                create: served.slice(0, halfDays.length + 1).map((v, i) => {
                  const half = i === 0 ? { weekday: n, morning: true } : halfDays[i - 1];
                  return {
                    venueId: v.id,
                    weekday: half.weekday,
                    startMinute: half.morning ? 9 * 60 : 14 * 60 + 30,
                    endMinute: half.morning ? 12 * 60 : 17 * 60 + 30,
                    validFrom,
                  };
                }),
              },
            },
          },
        },
      });
    }
  }
  if (demo) {
    await createAccount(prisma, {
      username: "district",
      displayName: "新会区司法局（示例）",
      role: "DISTRICT",
      townId: null,
      password: DEMO_PASSWORDS.district,
    });
  }
}

type AccountSeed = {
  username: string;
  displayName: string;
  role: "ADMIN" | "STAFF" | "DISTRICT";
  townId: string | null;
  password: string;
};

async function createAccount(prisma: PrismaClient, account: AccountSeed) {
  const { password, ...data } = account;
  const existing = await prisma.user.findUnique({ where: { username: data.username }, select: { id: true } });
  if (!existing) await prisma.user.create({ data: { ...data, passwordHash: await hashPassword(password) } });
}

async function seedDemo(prisma: PrismaClient, townId: string, now: Date) {
  const venues = new Map((await prisma.venue.findMany({ select: { id: true, slug: true } })).map((v) => [v.slug, v.id]));
  const venueId = (slug: string) => {
    const id = venues.get(slug);
    if (!id) throw new Error(`Seed: unknown venue ${slug}`);
    return id;
  };
  await createAccount(prisma, {
    username: "admin",
    displayName: "系统管理员（示例）",
    role: "ADMIN",
    townId,
    password: DEMO_PASSWORDS.admin,
  });
  await createAccount(prisma, {
    username: "staff",
    displayName: "司法所工作人员（示例）",
    role: "STAFF",
    townId,
    password: DEMO_PASSWORDS.staff,
  });

  const validFrom = toDbDate(todayInShanghai(now));
  for (const lawyer of DEMO_LAWYERS) {
    const existing = await prisma.user.findUnique({ where: { username: lawyer.username }, select: { id: true } });
    if (existing) continue;
    const servedSlugs = [...new Set([...lawyer.advises, ...lawyer.duties.map((d) => d.venue)])];
    await prisma.user.create({
      data: {
        username: lawyer.username,
        displayName: lawyer.name,
        role: "LAWYER",
        passwordHash: await hashPassword(DEMO_PASSWORDS.lawyer),
        lawyer: {
          create: {
            name: lawyer.name,
            firm: lawyer.firm,
            publicPhone: lawyer.publicPhone,
            specialties: lawyer.specialties,
            venues: {
              create: servedSlugs.map((slug) => ({ venueId: venueId(slug), isAdviser: lawyer.advises.includes(slug) })),
            },
            sessions: {
              create: lawyer.duties.map((d) => ({
                venueId: venueId(d.venue),
                weekday: d.weekday,
                startMinute: d.start,
                endMinute: d.end,
                validFrom,
              })),
            },
          },
        },
      },
    });
  }
}
