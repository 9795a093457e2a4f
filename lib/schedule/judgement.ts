// The one judgement of the Guangdong rule (issue 22 item 5): a village's month is judged on the
// hours a lawyer actually served there (签到 to 签退, lib/attendance), with the scheduled hours
// beside; a month still to come is a plan, not a verdict; a month before the workroom's service
// began is not counted at all. Every page and export that says 达标 asks this function.
import { roundHours as round } from "@/lib/attendance/rules";
import { MONTHLY_TARGET_HOURS, monthOf } from "./hours";

export type MonthState = "met" | "short" | "in_progress" | "planned" | "before_service" | "station";

export type MonthJudgement = {
  state: MonthState;
  scheduled: number;
  attended: number;
  /** Hours still missing: of attended hours, or of scheduled ones for a month to come. */
  shortfall: number;
  /** Whether the month counts in a year's tally of months met. */
  counted: boolean;
  met: boolean;
};

export function judgeMonth(input: {
  month: string;
  /** The month it is now, "YYYY-MM" in Asia/Shanghai. */
  currentMonth: string;
  scheduled: number;
  attended: number;
  /** The town station is not under the rule. */
  workroom: boolean;
  /** The first day of the workroom's service (its first duty or attendance); null when none yet. */
  serviceSince: string | null;
}): MonthJudgement {
  const scheduled = round(input.scheduled);
  const attended = round(input.attended);
  const base = { scheduled, attended, shortfall: 0, counted: false, met: false };
  if (!input.workroom) return { ...base, state: "station" };
  if (!input.serviceSince || input.month < monthOf(input.serviceSince)) return { ...base, state: "before_service" };
  if (input.month > input.currentMonth)
    return { ...base, state: "planned", shortfall: round(Math.max(0, MONTHLY_TARGET_HOURS - scheduled)) };
  if (attended >= MONTHLY_TARGET_HOURS) return { ...base, state: "met", counted: true, met: true };
  const shortfall = round(MONTHLY_TARGET_HOURS - attended);
  return input.month === input.currentMonth
    ? { ...base, state: "in_progress", shortfall, counted: false }
    : { ...base, state: "short", shortfall, counted: true };
}

/** The judgement as one sentence, for the work log, the dashboard and the exports. */
export function judgementSentence(j: MonthJudgement): string {
  const both = `到岗 ${j.attended} 小时（排班 ${j.scheduled} 小时）`;
  switch (j.state) {
    case "station":
      return `${both}；镇工作站不计入村居每月 ${MONTHLY_TARGET_HOURS} 小时要求。`;
    case "before_service":
      return "这个工作室的服务还没有开始，这个月不计入每月 8 小时要求。";
    case "planned":
      return j.shortfall > 0
        ? `还没到这个月：只排班 ${j.scheduled} 小时，比每月 ${MONTHLY_TARGET_HOURS} 小时少 ${j.shortfall} 小时，请补排。`
        : `还没到这个月：已排班 ${j.scheduled} 小时。`;
    case "met":
      return `${both}，达到每月 ${MONTHLY_TARGET_HOURS} 小时的要求。`;
    case "in_progress":
      return `本月到目前${both}，还差 ${j.shortfall} 小时才达到每月 ${MONTHLY_TARGET_HOURS} 小时。`;
    case "short":
      return `${both}，比每月 ${MONTHLY_TARGET_HOURS} 小时的要求少 ${j.shortfall} 小时。`;
  }
}

/** The judgement in a table's cell: 达标, 差 2.5, …. */
export function judgementLabel(j: MonthJudgement): string {
  switch (j.state) {
    case "station":
      return "不适用";
    case "before_service":
      return "未开始服务";
    case "planned":
      return j.shortfall > 0 ? `排班差 ${j.shortfall}` : "排班已足";
    case "met":
      return "达标";
    case "in_progress":
      return `本月进行中，差 ${j.shortfall}`;
    case "short":
      return `未达标，差 ${j.shortfall}`;
  }
}
