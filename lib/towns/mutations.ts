import "server-only";
// The district's changes (issue 23): towns, their workrooms and their first administrators. Each
// takes the district's scope (lib/auth/scope.ts); nothing here changes a town's own data, which the
// district changes only by acting as the town's staff (actAs, audited).
import { insertStaffAccount, issuePassword, USERNAME_TAKEN } from "@/lib/accounts/mutations";
import { identifierInUse } from "@/lib/accounts/queries";
import { recordAudit } from "@/lib/audit/mutations";
import { assertCan, can } from "@/lib/auth/can";
import { auditActorOf, type DistrictScope } from "@/lib/auth/scope";
import { db, type Tx } from "@/lib/db";
import { violatedConstraint } from "@/lib/db-errors";
import { type Failure, failure, Rejected } from "@/lib/errors";
import { shortTownName, type TownAdminInput, type TownInput, type WorkroomInput } from "./schema";

export type TownCreated = { ok: true; townId: string; username: string; password: string };

const TOWN_NOT_FOUND = "没有找到这个镇（街道），请刷新页面后再试。";
const SLUG_TAKEN = "这个网址简称已被别的镇（街道）使用，请换一个。";
const NAME_TAKEN = "已经有同名的镇（街道）了。";

/** A town's administrator, audited as the district's; false when the name is in use. */
async function insertAdmin(
  tx: Tx,
  scope: DistrictScope,
  town: { id: string; name: string },
  input: { adminUsername: string; adminName: string },
  passwordHash: string,
): Promise<boolean> {
  const id = await insertStaffAccount(
    tx,
    auditActorOf(scope),
    { username: input.adminUsername, displayName: input.adminName, role: "ADMIN", townId: town.id, passwordHash },
    `新建${town.name}管理员账号 ${input.adminUsername}（${input.adminName}）`,
  );
  return id !== null;
}

/** The next free workroom slug of a town: <town>-1, <town>-2 … */
async function nextWorkroomSlug(tx: Tx, townSlug: string): Promise<string> {
  const taken = new Set(
    (await tx.venue.findMany({ where: { slug: { startsWith: `${townSlug}-` } }, select: { slug: true } })).map((v) => v.slug),
  );
  let n = 1;
  while (taken.has(`${townSlug}-${n}`)) n++;
  return `${townSlug}-${n}`;
}

function workroomName(village: string): string {
  return `${village}公共法律服务工作室`;
}

/**
 * A new town with its station, its first workroom and its first administrator, whose one-time
 * password is returned to be shown once. The workroom is confirmed: the district typed its name.
 */
export async function createTown(scope: DistrictScope, input: TownInput): Promise<TownCreated | Failure> {
  assertCan(can.manageTowns(scope.actor));
  const { password, passwordHash } = await issuePassword();
  try {
    return await db.$transaction(async (tx) => {
      if (await identifierInUse(tx, input.adminUsername))
        return failure("invalid_input", undefined, { adminUsername: USERNAME_TAKEN });
      if (await tx.town.findFirst({ where: { name: input.name }, select: { id: true } })) {
        return failure("invalid_input", undefined, { name: NAME_TAKEN });
      }
      const last = await tx.town.aggregate({ _max: { sortOrder: true } });
      const town = await tx.town.create({
        data: {
          slug: input.slug,
          name: input.name,
          shortName: shortTownName(input.name),
          government: input.government,
          officeName: input.officeName,
          officeAddress: input.officeAddress,
          officePhone: input.officePhone ?? null,
          sortOrder: (last._max.sortOrder ?? 0) + 1,
        },
        select: { id: true, slug: true },
      });
      await tx.venue.create({
        data: {
          slug: `${town.slug}-station`,
          townId: town.id,
          kind: "STATION",
          name: `${input.name}公共法律服务工作站`,
          address: input.officeAddress,
          phone: input.officePhone ?? null,
          sortOrder: 0,
        },
      });
      await tx.venue.create({
        data: {
          slug: await nextWorkroomSlug(tx, town.slug),
          townId: town.id,
          kind: "WORKROOM",
          name: workroomName(input.village),
          village: input.village,
          address: input.villageAddress,
          sortOrder: 1,
        },
      });
      await recordAudit(tx, auditActorOf(scope), {
        kind: "town",
        action: "create",
        subjectId: town.id,
        summary: `新建${input.name}，含工作站和${input.village}工作室`,
      });
      // Taken meanwhile (checked above): nothing of the town stays either.
      if (!(await insertAdmin(tx, scope, { id: town.id, name: input.name }, input, passwordHash)))
        throw new Rejected(failure("invalid_input", undefined, { adminUsername: USERNAME_TAKEN }));
      return { ok: true as const, townId: town.id, username: input.adminUsername, password };
    });
  } catch (error) {
    if (error instanceof Rejected) return error.result as Failure;
    const constraint = violatedConstraint(error);
    if (constraint === "town_slug_key" || constraint === "venue_slug_key")
      return failure("invalid_input", undefined, { slug: SLUG_TAKEN });
    if (constraint === "app_user_username_key") return failure("invalid_input", undefined, { adminUsername: USERNAME_TAKEN });
    throw error;
  }
}

/** Another workroom of a town (the district's: a town's staff edit venues, they do not add them). */
export async function addWorkroom(scope: DistrictScope, input: WorkroomInput): Promise<{ ok: true; slug: string } | Failure> {
  assertCan(can.manageTowns(scope.actor));
  return db.$transaction(async (tx) => {
    const town = await tx.town.findUnique({ where: { id: input.townId }, select: { id: true, slug: true, name: true } });
    if (!town) return failure("not_found", TOWN_NOT_FOUND);
    // One workroom added at a time per town, so two at once do not pick the same slug.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(3, hashtext(${town.id}))`;
    const last = await tx.venue.aggregate({ where: { townId: town.id }, _max: { sortOrder: true } });
    const slug = await nextWorkroomSlug(tx, town.slug);
    const venue = await tx.venue.create({
      data: {
        slug,
        townId: town.id,
        kind: "WORKROOM",
        name: workroomName(input.village),
        village: input.village,
        address: input.address,
        sortOrder: (last._max.sortOrder ?? 0) + 1,
      },
      select: { id: true },
    });
    await recordAudit(tx, auditActorOf(scope), {
      kind: "venue",
      action: "create",
      subjectId: venue.id,
      summary: `为${town.name}新建${input.village}工作室`,
    });
    return { ok: true as const, slug };
  });
}

/** Another administrator of a town, with a one-time password to show once. */
export async function createTownAdmin(
  scope: DistrictScope,
  input: TownAdminInput,
): Promise<{ ok: true; username: string; password: string } | Failure> {
  assertCan(can.manageTowns(scope.actor));
  const { password, passwordHash } = await issuePassword();
  try {
    return await db.$transaction(async (tx) => {
      const town = await tx.town.findUnique({ where: { id: input.townId }, select: { id: true, name: true } });
      if (!town) return failure("not_found", TOWN_NOT_FOUND);
      if (!(await insertAdmin(tx, scope, town, input, passwordHash)))
        return failure("invalid_input", undefined, { adminUsername: USERNAME_TAKEN });
      return { ok: true as const, username: input.adminUsername, password };
    });
  } catch (error) {
    if (violatedConstraint(error) === "app_user_username_key")
      return failure("invalid_input", undefined, { adminUsername: USERNAME_TAKEN });
    throw error;
  }
}

/**
 * The district starts (or stops, townId null) acting as a town's staff: recorded in the audit log,
 * so every change made meanwhile can be read beside it. Returns the town's id, or not found.
 */
export async function recordActing(
  scope: DistrictScope,
  townId: string | null,
): Promise<{ ok: true; townId: string | null } | Failure> {
  assertCan(can.manageTowns(scope.actor));
  const town = townId ? await db.town.findUnique({ where: { id: townId }, select: { id: true, name: true } }) : null;
  if (townId && !town) return failure("not_found", TOWN_NOT_FOUND);
  await recordAudit(db, auditActorOf(scope), {
    kind: "town",
    action: town ? "act_as" : "stop_acting",
    subjectId: town?.id ?? null,
    summary: town ? `开始以区司法局身份代${town.name}工作` : "结束代镇工作",
  });
  return { ok: true, townId: town?.id ?? null };
}
