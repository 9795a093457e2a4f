"use server";

import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/action";
import { can } from "@/lib/auth/can";
import { ACTING_TOWN_COOKIE } from "@/lib/auth/cookies";
import { type DistrictScope, districtScope } from "@/lib/auth/scope";
import type { CurrentUser } from "@/lib/auth/session";
import { addWorkroom, createTown, createTownAdmin, recordActing } from "./mutations";
import { actAsInput, townAdminInput, townInput, workroomInput } from "./schema";

/** A one-time password to show once; it is never stored in clear. */
export type Issued = { issued: { username: string; password: string } };

// The allow rule (can.manageTowns) admits district accounts only, so the scope is always minted.
const scopeOf = (actor: CurrentUser) => districtScope(actor) as DistrictScope;

export const createTownAction = formAction<typeof townInput, Issued>({
  allow: can.manageTowns,
  schema: townInput,
  invalid: "镇（街道）还没有建立，请按提示修改。",
  run: async (input, { actor }) => {
    const result = await createTown(scopeOf(actor), input);
    if (!result.ok) return result;
    revalidatePath("/district");
    return {
      ok: true,
      message: `${input.name}已建立，含工作站和${input.village}工作室。请把下面的一次性密码交给该镇管理员，由其添加律师和排班。`,
      data: { issued: { username: result.username, password: result.password } },
    };
  },
});

export const addWorkroomAction = formAction({
  allow: can.manageTowns,
  schema: workroomInput,
  invalid: "工作室还没有添加，请按提示修改。",
  run: async (input, { actor }) => {
    const result = await addWorkroom(scopeOf(actor), input);
    if (!result.ok) return result;
    revalidatePath("/district");
    return { ok: true, message: `${input.village}工作室已添加。该镇安排律师坐班后，村民就可以预约。` };
  },
});

export const createTownAdminAction = formAction<typeof townAdminInput, Issued>({
  allow: can.manageTowns,
  schema: townAdminInput,
  invalid: "账号还没有建立，请按提示修改。",
  run: async (input, { actor }) => {
    const result = await createTownAdmin(scopeOf(actor), input);
    if (!result.ok) return result;
    return {
      ok: true,
      message: `管理员账号 ${result.username} 已建立。请把下面的一次性密码交给本人，并请其登录后立即修改密码。`,
      data: { issued: { username: result.username, password: result.password } },
    };
  },
});

async function setActingTown(townId: string | null) {
  const secure = (await headers()).get("x-forwarded-proto") === "https";
  (await cookies()).set(ACTING_TOWN_COOKIE, townId ?? "", {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    // Acting ends with the browser session at the latest.
    ...(townId ? {} : { maxAge: 0 }),
  });
}

/** The district starts working as a town's staff (audited), then opens that town's console. */
export const actAsTownAction = formAction({
  allow: can.manageTowns,
  schema: actAsInput,
  invalid: "请选择镇（街道）。",
  run: async ({ townId }, { actor }) => {
    const result = await recordActing(scopeOf(actor), townId);
    if (!result.ok) return result;
    await setActingTown(townId);
    redirect("/staff");
  },
});

/** Back to the district's own console: the town's staff pages close to this account again. */
export const stopActingAction = formAction({
  allow: can.manageTowns,
  schema: actAsInput.partial(),
  invalid: "请刷新页面后再试。",
  run: async (_input, { actor }) => {
    await recordActing(scopeOf(actor), null);
    await setActingTown(null);
    redirect("/district");
  },
});
