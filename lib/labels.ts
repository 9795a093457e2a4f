// The Chinese names of the database's enums (from the generated Prisma enums) and of the priority
// groups: one place for every page, form and export. Safe to import in the browser.
import {
  type BookingStatus,
  type Channel,
  type EvaluationSource,
  type NotificationKind,
  type NotificationStatus,
  Outcome,
  type Resolution,
  type Role,
  type Satisfaction,
} from "@/lib/generated/prisma/enums";

export const PRIORITY_GROUPS = {
  elderly: "60岁及以上老人",
  disability: "残疾人",
  migrant: "外来务工人员",
  "low-income": "低收入家庭",
  other: "其他需要照顾的情况",
} as const;
export type PriorityGroup = keyof typeof PRIORITY_GROUPS;
export const PRIORITY_GROUP_NAMES = Object.keys(PRIORITY_GROUPS) as [PriorityGroup, ...PriorityGroup[]];

export const CHANNELS: Record<Channel, string> = {
  ONLINE: "网上预约",
  PHONE: "电话预约",
  WALK_IN: "现场预约",
  SOCIAL_WORKER: "社工转介",
  VILLAGE_CADRE: "村干部转介",
};

/** Keyed by the status in lower case, as the API and the pages spell it. */
export const STATUS_NAMES: Record<Lowercase<BookingStatus>, string> = {
  confirmed: "已预约",
  checked_in: "已签到",
  done: "已完成",
  no_show: "未到",
  cancelled: "已取消",
  held: "为您保留中，待确认",
};

/** The service outcomes, in the order of the town's annual report (the enum's order). */
export const OUTCOMES: Record<Outcome, string> = {
  CONSULTATION: "法律咨询解答",
  DOCUMENT: "代写法律文书",
  CONTRACT: "起草/审查合同",
  MEDIATION: "参与调解",
  LEGAL_AID_REFERRAL: "转介法律援助",
  MEDIATION_REFERRAL: "转介人民调解",
  OTHER: "其他",
};

/**
 * Each outcome in the annual report's own words, where it counts it (其他 it does not): lawyers
 * tick the words above, inspectors read these, and the lawyer's form shows both.
 */
export const OUTCOME_REPORT_WORDS = {
  CONSULTATION: "解答法律咨询",
  DOCUMENT: "出具法律文书",
  CONTRACT: "起草审查合同",
  MEDIATION: "参与调解",
  LEGAL_AID_REFERRAL: "转介法律援助",
  MEDIATION_REFERRAL: "转介人民调解",
} as const satisfies Partial<Record<Outcome, string>>;

/** Every outcome, in the enum's order: the columns of the log, the report and the exports. */
export const OUTCOME_NAMES = Object.values(Outcome);

export function outcomeLabels(outcomes: readonly string[]): string {
  return outcomes.map((o) => OUTCOMES[o as Outcome] ?? o).join("、");
}

/** Options for a select or radio group from one of the records above. */
export const optionsOf = (names: Record<string, string>) => Object.entries(names).map(([value, label]) => ({ value, label }));

/** A booking the villager did not come to, as the work log says it. */
export const NO_SHOW_LABEL = "未到（预约了没有来）";

/** A service recorded with no 签到 of its lawyer at that venue that day (issue 22 item 6), as the log and its exports flag it. */
export const NO_LAWYER_ATTENDANCE = "无律师签到记录";

export const ROLE_NAMES: Record<Role, string> = { ADMIN: "管理员", STAFF: "工作人员", LAWYER: "律师", DISTRICT: "区司法局" };

/** What a text message is about, as staff and villagers read it. */
export const NOTIFICATION_KINDS: Record<NotificationKind, string> = {
  CONFIRMATION: "预约确认",
  CHANGE: "预约变动",
  CANCELLATION: "取消通知",
  REMINDER: "预约提醒",
  WAITLIST_OFFER: "候补空位通知",
  EVALUATION: "评价邀请",
};

/** Where a text message stands, for staff (a queued one waiting for its time reads otherwise: lib/messages/status.ts). */
export const NOTIFICATION_STATUSES: Record<NotificationStatus, string> = {
  QUEUED: "排队中",
  SENDING: "发送中",
  SENT: "已发送",
  FAILED: "发送失败",
  CALL: "需电话通知",
  DROPPED: "已取消",
};

/** An evaluation (评价表, lib/evaluations): how satisfied, in the words of the paper form. */
export const SATISFACTIONS: Record<Satisfaction, string> = {
  SATISFIED: "满意",
  BASICALLY_SATISFIED: "基本满意",
  DISSATISFIED: "不满意",
};

/** Whether the problem was solved. */
export const RESOLUTIONS: Record<Resolution, string> = {
  SOLVED: "已解决",
  PARTLY_SOLVED: "部分解决",
  UNSOLVED: "未解决",
};

/** How an evaluation came in. */
export const EVALUATION_SOURCES: Record<EvaluationSource, string> = {
  BOOKING_PAGE: "村民在预约页面填写",
  WALK_IN_LINK: "村民扫码填写",
  PAPER: "纸质评价表录入",
};

/** What a message is, told apart from its booking's others (a form's name): its kind, and which reminder. */
export function messageWhat(kind: keyof typeof NOTIFICATION_KINDS, key: string): string {
  const label = NOTIFICATION_KINDS[kind];
  if (key.endsWith(":day_before")) return `${label}（前一天）`;
  if (key.endsWith(":hours_before")) return `${label}（当天）`;
  return label;
}
