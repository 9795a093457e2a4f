import { z } from "zod";
import { serviceDate } from "@/lib/form";

/** A real calendar date, "YYYY-MM-DD" (2026-02-30 is refused), in the service's years. */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD，例如 2026-12-01。")
  .check(serviceDate("没有这一天，请检查日期。"));

export const MAX_RANGE_DAYS = 31;

export const slotsQuery = z
  .object({ from: calendarDate.optional(), to: calendarDate.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "结束日期不能早于开始日期。" })
  .refine(
    (q) =>
      !q.from || !q.to || (Date.parse(`${q.to}T00:00:00Z`) - Date.parse(`${q.from}T00:00:00Z`)) / 86_400_000 < MAX_RANGE_DAYS,
    { path: ["to"], message: `一次最多查询 ${MAX_RANGE_DAYS} 天。` },
  );

/** `GET /venues?town=<slug>`: a town's slug as /api/v1/towns gives it. */
export const venuesQuery = z.object({
  town: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/, "town 应为 /api/v1/towns 给出的 slug（小写字母、数字和 -），例如 muzhou。")
    .optional(),
});
