// What the district enters about a town, its workrooms and its administrators (lib/towns/actions.ts).
import { z } from "zod";
import { displayName, username } from "@/lib/accounts/schema";
import { requiredText } from "@/lib/form";
import { anyPhone } from "@/lib/phone";

const townName = requiredText("请填写镇（街道）的名称，例如：大泽镇。", 20).refine(
  (v) => /(镇|街道|乡)$/.test(v),
  "名称要以“镇”“街道”或“乡”结尾，例如：大泽镇。",
);

const optionalPhone = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), anyPhone.optional());

/** A village name as villagers know it: 南镇村, 睦洲社区. */
export const villageName = requiredText("请填写村（社区）的名称，例如：南镇村。", 20);

export const workroomInput = z.object({
  townId: requiredText("缺少镇（街道），请刷新页面后再试。", 40),
  village: villageName,
  address: requiredText("请填写工作室的地址，村民要靠它找到地方。", 200),
});
export type WorkroomInput = z.infer<typeof workroomInput>;

export const townInput = z.object({
  slug: z
    .string({ error: "请填写网址用的简称。" })
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9-]{1,29}$/, "网址简称用 2–30 个英文小写字母、数字或 -，以字母开头，例如镇名拼音 daze。"),
  name: townName,
  government: requiredText("请填写镇人民政府（或街道办事处）的全称，例如：江门市新会区大泽镇人民政府。", 60),
  officeName: requiredText("请填写司法所的名称，例如：大泽司法所。", 30),
  officeAddress: requiredText("请填写司法所的地址。", 200),
  officePhone: optionalPhone,
  /** The first workroom, so villagers can book as soon as a lawyer is on duty. */
  village: villageName,
  villageAddress: requiredText("请填写第一个村（社区）工作室的地址。", 200),
  adminUsername: username,
  adminName: displayName,
});
export type TownInput = z.infer<typeof townInput>;

export const townAdminInput = z.object({
  townId: requiredText("缺少镇（街道），请刷新页面后再试。", 40),
  adminUsername: username,
  adminName: displayName,
});
export type TownAdminInput = z.infer<typeof townAdminInput>;

export const actAsInput = z.object({ townId: requiredText("请选择镇（街道）。", 40) });

/** "大泽镇" → "大泽"; "会城街道" → "会城". */
export const shortTownName = (name: string) => name.replace(/(镇|街道|乡)$/, "") || name;
