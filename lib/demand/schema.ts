import { z } from "zod";
import { plainText } from "@/lib/form";
import { mobilePhone } from "@/lib/phone";

/** A villager who found nothing free asks to be called back. */
export const callbackRequestInput = z.object({
  venue: z.string().trim().check(plainText()).optional(),
  name: z.string({ error: "请填写姓名。" }).trim().min(1, "请填写姓名。").max(40, "姓名最多 40 个字。").check(plainText()),
  phone: mobilePhone,
  topic: z.string().trim().check(plainText()).optional(),
  note: z
    .string()
    .trim()
    .max(200, "最多 200 个字，请删减一些。")
    .check(plainText())
    .transform((v) => v || undefined)
    .optional(),
  consent: z.literal(true, { error: "请勾选同意我们保存您的姓名和电话，用于回电。" }),
});
export type CallbackRequestInput = z.infer<typeof callbackRequestInput>;
