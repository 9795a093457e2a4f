// Sign-in accounts: checked by the server actions (the forms take the roles from rules.ts).
import { z } from "zod";
import { plainText } from "@/lib/form";

/** Account names are compared lower-case at sign-in (lib/auth/sign-in.ts), so they are stored that way. */
export const username = z
  .string({ error: "请填写账号名。" })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, "账号名用 3–40 个英文字母、数字或 . _ - 组成，以字母或数字开头，例如 chenls。");

export const displayName = z
  .string({ error: "请填写姓名。" })
  .trim()
  .min(1, "请填写姓名。")
  .max(40, "姓名最多 40 个字，请删减一些。")
  .check(plainText());

export const staffAccountInput = z.object({
  username,
  displayName,
  role: z.enum(["STAFF", "ADMIN"], { error: "请选择账号类型。" }),
});
export type StaffAccountInput = z.infer<typeof staffAccountInput>;

/** Forms that act on one account send only its id. */
export const accountIdInput = z.object({
  userId: z.string({ error: "缺少账号。" }).trim().min(1, "缺少账号。").check(plainText()),
});
