// A lawyer's profile as staff enter it; checked by the server actions.
import { z } from "zod";
import { username } from "@/lib/accounts/schema";
import { plainText, requiredText } from "@/lib/form";
import { anyPhone } from "@/lib/phone";

/** "婚姻家庭，继承" or one per line → ["婚姻家庭", "继承"]. */
export function splitSpecialties(value: string): string[] {
  return [
    ...new Set(
      value
        .split(/[,，、;；\n\r]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

const specialties = z
  .string()
  .check(plainText({ multiline: true }))
  .default("")
  .transform(splitSpecialties)
  .pipe(
    z
      .array(z.string().max(20, "每个擅长领域最多 20 个字，请用逗号或换行分开。"))
      .max(12, "擅长领域最多填 12 个，请保留最主要的。"),
  );

const venueIds = z.array(z.string().trim().min(1).check(plainText())).default([]);

export const lawyerInput = z.object({
  name: requiredText("请填写律师姓名。", 40),
  firm: requiredText("请填写所在律师事务所。", 60),
  publicPhone: anyPhone,
  specialties,
  /** The venues served; an adviser's villages are served too, whether ticked there or not. */
  venues: venueIds,
  advises: venueIds,
});
export type LawyerInput = z.infer<typeof lawyerInput>;

export const createLawyerInput = lawyerInput.extend({
  /** Empty: the public phone number is the account name. */
  username: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), username.optional()),
});
export type CreateLawyerInput = z.infer<typeof createLawyerInput>;

export const lawyerIdInput = z.object({
  lawyerId: z.string({ error: "缺少律师。" }).trim().min(1, "缺少律师。").check(plainText()),
});

/** The form's checkbox groups, sent as lists (none ticked is []). */
export const LAWYER_LISTS = ["venues", "advises"] as const;

/** Served venue ids with whether the lawyer advises each: advising implies serving. */
export function servedVenues(input: Pick<LawyerInput, "venues" | "advises">): { venueId: string; isAdviser: boolean }[] {
  const advises = new Set(input.advises);
  return [...new Set([...input.venues, ...input.advises])].map((venueId) => ({ venueId, isAdviser: advises.has(venueId) }));
}
