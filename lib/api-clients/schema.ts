// Registering an API client (the staff and district forms, and npm run api:client).
import { z } from "zod";
import { optionalText, plainText, requiredText } from "@/lib/form";
import { ticked } from "@/lib/form-values";
import type { ApiClientMode } from "@/lib/generated/prisma/enums";
import { originOf, webhookUrlProblem } from "./rules";

export const MAX_ORIGINS = 10;

/** One origin a line (or a list from the command line): each checked, duplicates dropped. */
const origins = z
  .preprocess(
    (value) =>
      (Array.isArray(value) ? value : typeof value === "string" ? value.split(/[\n,]/) : [])
        .map((v) => String(v).trim())
        .filter(Boolean),
    z.array(z.string().max(200, "网址太长了，请检查。")).max(MAX_ORIGINS, `最多填写 ${MAX_ORIGINS} 个网页来源。`),
  )
  .superRefine((values, ctx) => {
    const bad = values.find((v) => originOf(v) === null);
    if (bad)
      ctx.addIssue({
        code: "custom",
        message: `“${bad}”不是网页来源。每行填一个，只写协议和域名，例如 https://wx.example.org（不带路径）。`,
      });
  })
  .transform((values) => [...new Set(values.map((v) => originOf(v) as string))]);

const webhookUrl = optionalText(500).superRefine((value, ctx) => {
  const problem = value === undefined ? null : webhookUrlProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

export const apiClientInput = z.object({
  name: requiredText("请填写接入方的名称，例如“省 12348 平台”。", 60),
  contact: requiredText("请填写接入方的联系人和电话（或电子邮箱），出了问题好联系。", 100),
  origins,
  webhookUrl,
  personalData: z.preprocess((value) => ticked(value) === true, z.boolean()),
  mode: z.enum(["LIVE", "TEST"], { error: "请选择正式或测试。" }),
  /** The district's form only: the town it serves; empty for the whole district. Ignored in a town's scope. */
  townId: z.preprocess((value) => (value === "" ? undefined : value), z.string().trim().max(40).check(plainText()).optional()),
});
export type ApiClientInput = z.infer<typeof apiClientInput>;

/** Forms that act on one client send only its id. */
export const apiClientIdInput = z.object({
  clientId: z.string({ error: "缺少接入方。" }).trim().min(1, "缺少接入方。").max(40).check(plainText()),
});

/** Clearing the test data: only with the box ticked that says what it removes. */
export const clearTestDataInput = z.object({
  confirm: z.preprocess(
    (value) => ticked(value) === true,
    z.literal(true, { error: "请先勾选确认：测试预约和测试候补登记清除后不能恢复。" }),
  ),
});

/** A client as the console lists it (lib/api-clients/queries.ts listApiClients): never the key's hash or the signing secret. */
export type ApiClientRow = {
  id: string;
  name: string;
  contact: string;
  origins: string[];
  webhookUrl: string | null;
  personalData: boolean;
  mode: ApiClientMode;
  town: { name: string } | null;
  keyHint: string;
  createdAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
};
