// Evaluations (评价表) of one consultation: the form's fields, shared by the villager's booking page,
// the walk-in's one-time link and the staff's paper entry. Server code: the forms take the limit from rules.ts.
import { z } from "zod";
import { bookingCode } from "@/lib/booking/schema";
import { optionalText, plainText } from "@/lib/form";
import { Resolution, Satisfaction } from "@/lib/generated/prisma/enums";
import { COMMENT_MAX } from "./rules";

const answers = {
  satisfaction: z.enum(Satisfaction, { error: "请选择您对这次服务满意不满意。" }),
  resolution: z.enum(Resolution, { error: "请选择您的问题解决了没有。" }),
  comment: optionalText(COMMENT_MAX, { multiline: true }),
};

export const evaluationAnswers = z.object(answers);
export type EvaluationAnswers = z.infer<typeof evaluationAnswers>;

/** On the villager's booking page: the booking by its code (the phone is the page's cookie). */
export const bookingEvaluationInput = z.object({ code: bookingCode, ...answers });
export type BookingEvaluationInput = z.infer<typeof bookingEvaluationInput>;

/** The random part of /evaluate/<token>: 32 bytes in base64url. */
export const linkToken = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{43}$/, "这个评价链接不完整，请重新扫描二维码。");

export const linkEvaluationInput = z.object({ token: linkToken, ...answers });
export type LinkEvaluationInput = z.infer<typeof linkEvaluationInput>;

/** A record's id (a booking's, a walk-in's) in a hidden field. */
export const recordId = z
  .string({ error: "没有找到这次咨询，请刷新页面。" })
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "没有找到这次咨询，请刷新页面。")
  .check(plainText());

/** Which consultation a paper form is of: a booking or a walk-in, by id. */
export const paperTarget = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("booking"), id: recordId }),
  z.object({ kind: z.literal("walk_in"), id: recordId }),
]);
export type PaperTarget = z.infer<typeof paperTarget>;

/** Staff type in the answers of a paper form. */
export const paperEvaluationInput = z.object({ target: paperTarget, ...answers });
export type PaperEvaluationInput = z.infer<typeof paperEvaluationInput>;

/** The lawyer's button that shows a walk-in's QR code. */
export const evaluationLinkInput = z.object({ walkInId: recordId });
