// The staff messages page's filters (a GET form) and the key its buttons send. Safe in the browser.
import { z } from "zod";
import { plainText, serviceDate } from "@/lib/form";
import { NotificationStatus } from "@/lib/generated/prisma/enums";

export const MESSAGE_PAGE_SIZE = 50;

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** Filters of /staff/messages: every one optional. `date` is the Shanghai date the message was queued. */
export const messageSearchInput = z.object({
  status: z.preprocess(blank, z.enum(NotificationStatus, { error: "请从列表中选择状态。" }).optional()),
  date: z.preprocess(
    blank,
    z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 2026-12-01。")
      .check(serviceDate())
      .optional(),
  ),
  code: z.preprocess(
    blank,
    z
      .string()
      .transform((v) => v.normalize("NFKC").replace(/[\s-]/g, "").toUpperCase())
      .pipe(z.string().regex(/^[A-Z0-9]{4,12}$/, "预约号由字母和数字组成，请核对后再输入。"))
      .optional(),
  ),
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(100_000).default(1)),
});
export type MessageSearchInput = z.infer<typeof messageSearchInput>;

/** The filters as a query string, for the links to other pages of results. */
export function messageSearchParams(input: MessageSearchInput, page: number): string {
  const params = new URLSearchParams();
  for (const key of ["status", "date", "code"] as const) {
    const value = input[key];
    if (value) params.set(key, value);
  }
  if (page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

const REFRESH = "这条通知的编号有误，请刷新页面后再试。";

/** One message, by its key (confirmation:<booking id>, reminder:<booking id>:day_before …). */
export const messageKeyInput = z.object({
  key: z
    .string({ error: REFRESH })
    .trim()
    .check(plainText())
    .regex(/^[a-z_]{1,20}:[a-z0-9]{1,40}(:[a-z0-9_]{1,20})?$/, REFRESH),
});
export type MessageKeyInput = z.infer<typeof messageKeyInput>;
