// Filters of the audit log page (a GET form): every one optional.
import { z } from "zod";
import { plainText, serviceDate } from "@/lib/form";

export const AUDIT_PAGE_SIZE = 50;

export const AUDIT_KINDS: Record<string, string> = {
  booking: "预约",
  walk_in: "现场咨询",
  session: "排班",
  exception: "排班例外",
  venue: "服务地点",
  lawyer: "律师",
  account: "账号",
  calendar: "日历",
  personal_data: "查看个人信息",
  callback: "回电请求",
  privacy: "个人信息保护",
  attendance: "律师签到签退",
  site: "网站设置",
  town: "镇（街道）",
  api_client: "接口接入方",
  webhook: "事件通知",
};

export const AUDIT_ACTIONS: Record<string, string> = {
  create: "新建",
  update: "修改",
  delete: "删除",
  end: "结束",
  cancel: "取消",
  reassign: "改派",
  reschedule: "改期",
  check_in: "签到",
  undo_check_in: "撤销签到",
  done: "完成",
  no_show: "未到",
  view: "查看",
  export: "导出",
  reset_password: "重设密码",
  deactivate: "停用",
  sign_in: "登录",
  sign_in_failed: "登录失败",
  sign_out: "退出登录",
  change_password: "修改密码",
  anonymise: "到期匿名化",
  phone_call: "电话通知",
  resend: "重新发送短信",
  void: "作废",
  correct: "更正",
  check_out: "签退",
  auto_close: "自动签退",
  record_missed: "补录",
  act_as: "代镇工作",
  stop_acting: "结束代镇工作",
  rotate_key: "更换密钥",
  revoke: "停用密钥",
  resend_webhook: "重新发送通知",
  clear_test_data: "清除测试数据",
};

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const date = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 2026-12-01。")
    .check(serviceDate())
    .optional(),
);

export const auditSearchInput = z
  .object({
    actor: z.preprocess(blankToUndefined, z.string().trim().max(40).check(plainText()).optional()),
    kind: z.preprocess(blankToUndefined, z.string().trim().max(40).check(plainText()).optional()),
    /** One town's entries, for the district (a town's staff always read their own town's). */
    town: z.preprocess(blankToUndefined, z.string().trim().max(40).check(plainText()).optional()),
    from: date,
    to: date,
    page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ["to"], message: "结束日期不能早于开始日期。" });
export type AuditSearchInput = z.infer<typeof auditSearchInput>;

/** The filters as query-string pairs, for the links to other pages of results. */
export function auditSearchParams(input: AuditSearchInput, page: number): string {
  const params = new URLSearchParams();
  for (const key of ["actor", "kind", "town", "from", "to"] as const) {
    const value = input[key];
    if (value) params.set(key, value);
  }
  if (page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `?${text}` : "";
}
