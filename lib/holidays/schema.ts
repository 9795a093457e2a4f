// Staff corrections to the statutory holiday calendar; checked by the server actions (the forms take their names from rules.ts).
import { z } from "zod";
import { plainText, serviceDate } from "@/lib/form";

/** A real calendar date written as 2026-10-01. */
export const calendarDate = z
  .string({ error: "请填写日期，例如 2026-10-01。" })
  .trim()
  .min(1, "请填写日期，例如 2026-10-01。")
  .regex(/^\d{4}-\d{2}-\d{2}$/, "请按 2026-10-01 的格式填写日期。")
  .check(serviceDate("没有这一天，请检查月份和日期。"));

export const overrideInput = z.object({
  date: calendarDate,
  kind: z.enum(["HOLIDAY", "WORKDAY"], { error: "请选择这一天是放假还是上班。" }),
  note: z
    .string()
    .trim()
    .max(100, "说明最多 100 个字，请删减一些。")
    .check(plainText())
    .transform((v) => v || null)
    .nullish()
    .transform((v) => v ?? null),
});
export type OverrideInput = z.infer<typeof overrideInput>;

export const overrideIdInput = z.object({ id: z.string().trim().min(1, "缺少要删除的调整。").check(plainText()) });
