import { z } from "zod";
import { plainText } from "@/lib/form";

/** At least 10 characters, with at least two of: letters, digits, other symbols. */
export const newPassword = z
  .string()
  .min(10, "新密码至少要 10 个字符。")
  .max(200, "新密码太长了，请少于 200 个字符。")
  .check(plainText())
  .refine(
    (v) => [/[A-Za-z]/, /\d/, /[^A-Za-z\d]/].filter((r) => r.test(v)).length >= 2,
    "新密码要同时包含字母、数字、符号中的至少两种。",
  );

export const changePasswordInput = z
  .object({
    current: z.string().min(1, "请填写现在的密码。"),
    next: newPassword,
    confirm: z.string(),
  })
  .refine((v) => v.next === v.confirm, { path: ["confirm"], message: "两次输入的新密码不一样，请重新输入。" })
  .refine((v) => v.next !== v.current, { path: ["next"], message: "新密码不能和现在的密码相同。" });
