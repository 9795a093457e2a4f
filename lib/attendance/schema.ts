// What the attendance forms send (签到 / 签退, and staff's correction): shared by the forms and the actions.
import { z } from "zod";
import { plainText, requiredText, serviceDate } from "@/lib/form";
import { CORRECTION_REASON_MAX } from "./rules";

const id = (message: string) => z.string({ error: message }).trim().min(1, message).max(40, message).check(plainText());

/** The lawyer's one button: arrive for a session (by its venue and start), or leave an attendance. */
export const attendanceInput = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("arrive"),
      venueId: id("没有找到这个坐班地点，请刷新页面再试。"),
      startMinute: z.coerce
        .number({ error: "没有找到这次坐班，请刷新页面再试。" })
        .int("没有找到这次坐班，请刷新页面再试。")
        .min(0, "没有找到这次坐班，请刷新页面再试。")
        .max(24 * 60, "没有找到这次坐班，请刷新页面再试。"),
    }),
    z.object({ intent: z.literal("leave"), attendanceId: id("没有找到这次签到，请刷新页面再试。") }),
  ],
  { error: "请点“签到”或“签退”按钮。" },
);
export type AttendanceInput = z.infer<typeof attendanceInput>;
export type ArrivalInput = Extract<AttendanceInput, { intent: "arrive" }>;

const clock = (label: string) =>
  z.string({ error: `请填写${label}，例如 09:00。` }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, `请填写${label}，例如 09:00。`);

/** "09:30" as minutes after midnight. */
export function clockMinutes(value: string): number {
  const [h, m] = value.split(":").map(Number);
  return h * 60 + m;
}

/** What staff write for any attendance they set: both times on one date, and why (kept with it and in the audit log). */
const correction = {
  arrived: clock("签到时间"),
  left: clock("签退时间"),
  reason: requiredText("请写明更正的原因，例如“律师忘了签退，实际 11:30 离开”。", CORRECTION_REASON_MAX),
};
const leavesAfterArriving = [
  (v: { arrived: string; left: string }) => clockMinutes(v.left) > clockMinutes(v.arrived),
  { path: ["left"], message: "签退时间要晚于签到时间。" },
] satisfies [unknown, { path: string[]; message: string }];

/** Staff's correction of an attendance, on its own date. */
export const correctAttendanceInput = z
  .object({ attendanceId: id("没有找到这条签到记录，请刷新页面再看。"), ...correction })
  .refine(...leavesAfterArriving);
export type CorrectAttendanceInput = z.infer<typeof correctAttendanceInput>;

/** Staff's 补录 of a session that ended with nobody signed in (未签到): which session, and the same as a correction. */
export const recordMissedInput = z
  .object({
    lawyerId: id("没有找到这位律师，请刷新页面再看。"),
    venueId: id("没有找到这个坐班地点，请刷新页面再看。"),
    date: z
      .string({ error: "没有找到这次坐班，请刷新页面再看。" })
      .regex(/^\d{4}-\d{2}-\d{2}$/, "没有找到这次坐班，请刷新页面再看。")
      .check(serviceDate("没有找到这次坐班，请刷新页面再看。")),
    startMinute: z.coerce
      .number({ error: "没有找到这次坐班，请刷新页面再看。" })
      .int("没有找到这次坐班，请刷新页面再看。")
      .min(0, "没有找到这次坐班，请刷新页面再看。")
      .max(24 * 60, "没有找到这次坐班，请刷新页面再看。"),
    ...correction,
    reason: requiredText("请写明补录的原因，例如“律师到了但忘了签到，村委会证明在场”。", CORRECTION_REASON_MAX),
  })
  .refine(...leavesAfterArriving);
export type RecordMissedInput = z.infer<typeof recordMissedInput>;

/** 在场 (no departure yet, session not over), 已签退, or 未签退（自动结束）. */
export type AttendanceState = "open" | "left" | "auto_closed";

/** One duty session of today as its lawyer sees it: when it is, whether they can sign in, what they recorded. */
export type TodaySession = {
  venue: { id: string; slug: string; name: string; village: string | null };
  startMinute: number;
  start: Date;
  end: Date;
  /** Half an hour before the start: from then an arrival is accepted. */
  opensAt: Date;
  timing: "early" | "open" | "over";
  attendances: { id: string; arrivedAt: Date; departure: Date | null; state: AttendanceState }[];
  /** The attendance to sign out of, when one is open. */
  openId: string | null;
};
