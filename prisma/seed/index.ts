// Idempotent seed: creates what is missing and never overwrites what staff have edited.

import { hashPassword } from "../../lib/auth/password";
import type { PrismaClient } from "../../lib/db-client";
import { toDbDate, todayInShanghai } from "../../lib/time";
import { DEMO_LAWYERS, DEMO_PASSWORDS } from "./demo";
import { TOPICS } from "./topics";
import { VENUES } from "./venues";

export type SeedOptions = { demo: boolean; now?: Date };

export async function seedDatabase(prisma: PrismaClient, { demo, now = new Date() }: SeedOptions) {
  for (const [index, venue] of VENUES.entries()) {
    await prisma.venue.upsert({ where: { slug: venue.slug }, update: {}, create: { ...venue, sortOrder: index } });
  }
  for (const [index, topic] of TOPICS.entries()) {
    await prisma.topic.upsert({ where: { code: topic.code }, update: {}, create: { ...topic, sortOrder: index } });
  }
  if (demo) await seedDemo(prisma, now);
}

async function seedDemo(prisma: PrismaClient, now: Date) {
  const venues = new Map((await prisma.venue.findMany({ select: { id: true, slug: true } })).map((v) => [v.slug, v.id]));
  const venueId = (slug: string) => {
    const id = venues.get(slug);
    if (!id) throw new Error(`Seed: unknown venue ${slug}`);
    return id;
  };
  const staffAccounts = [
    { username: "admin", displayName: "系统管理员（示例）", role: "ADMIN" as const, password: DEMO_PASSWORDS.admin },
    { username: "staff", displayName: "司法所工作人员（示例）", role: "STAFF" as const, password: DEMO_PASSWORDS.staff },
  ];
  for (const account of staffAccounts) {
    const { password, ...data } = account;
    const existing = await prisma.user.findUnique({ where: { username: data.username }, select: { id: true } });
    if (!existing) await prisma.user.create({ data: { ...data, passwordHash: await hashPassword(password) } });
  }

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
