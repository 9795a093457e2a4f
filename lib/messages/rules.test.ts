import { describe, expect, it, vi } from "vitest";
import { zonedInstant } from "@/lib/time";
import { DISTRICT_TOWNS, districtVenues, MUZHOU } from "@/prisma/seed/towns";
import { VENUES } from "@/prisma/seed/venues";
import {
  CANCEL_CAUSES,
  CHANGE_DETAIL,
  isMobile,
  isQuiet,
  messageText,
  parseQuietHours,
  type QuietHours,
  reminders,
  SEGMENT,
  SIGNATURE,
  sendTime,
  shortPlace,
  shortWhen,
  signature,
} from "./rules";

// These run under whatever TZ the machine has; vitest.config may set an odd one (see calendar.test.ts).
const at = (date: string, hh: number, mm = 0) => zonedInstant(date, hh * 60 + mm);
// A 16-character link, as a short registered domain gives (mzgf.cn/b/7YHQ9H).
const facts = { code: "7YHQ9H", start: at("2026-12-03", 9), place: "南镇村公共法律服务工作室", link: "mzgf.cn/b/7YHQ9H" };

const TEXT_KINDS = [
  "confirmation",
  "change",
  "cancellation",
  "reminder",
  "reminder_soon",
  "waitlist_offer",
  "evaluation",
] as const;

describe("messageText", () => {
  it("starts with the signature and carries the code, date, time, place and link, for every kind", () => {
    for (const kind of TEXT_KINDS) {
      const text = messageText(kind, facts);
      expect(text.startsWith(SIGNATURE)).toBe(true);
      for (const part of ["7YHQ9H", "12月3日 09:00", "南镇村公共法律服务工作室", "mzgf.cn/b/7YHQ9H"])
        expect(text).toContain(part);
    }
  });

  it("fits one 70-character segment with the longest place name and a short link", () => {
    for (const kind of TEXT_KINDS) {
      expect([...messageText(kind, facts)].length, kind).toBeLessThanOrEqual(SEGMENT);
    }
  });

  it("says what changed, or why it was cancelled, and still fits one segment (issue 22 item 2)", () => {
    const handedOver = messageText("change", { ...facts, detail: CHANGE_DETAIL.lawyer("欧阳志明") });
    expect(handedOver).toBe(
      "【睦洲公共法律服务】预约7YHQ9H改由欧阳志明律师接待：12月3日 09:00，南镇村公共法律服务工作室。mzgf.cn/b/7YHQ9H",
    );
    expect(messageText("change", { ...facts, detail: CHANGE_DETAIL.moved })).toContain("预约7YHQ9H改为：12月3日 09:00，");
    for (const cause of Object.values(CANCEL_CAUSES)) {
      const text = messageText("cancellation", { ...facts, detail: cause });
      expect(text).toContain(`（12月3日 09:00，南镇村公共法律服务工作室）因${cause}已取消。`);
      expect([...text].length).toBeLessThanOrEqual(SEGMENT);
    }
    expect([...handedOver].length).toBeLessThanOrEqual(SEGMENT);
  });

  it("names a station by its town's name, and keeps every town's texts to one segment (issue 23)", () => {
    // Every venue the seeds make that villagers can book, 睦洲's and the district's other ten towns',
    // with a four-character lawyer and every cause: the longest town names (会城街道) make the
    // longest station names.
    const places = [...VENUES, ...DISTRICT_TOWNS.flatMap(districtVenues)].filter((v) => v.confirmed !== false).map((v) => v.name);
    expect(places).toContain("会城街道公共法律服务工作站");
    const details = (kind: (typeof TEXT_KINDS)[number]) =>
      kind === "change"
        ? [null, CHANGE_DETAIL.lawyer("欧阳志明"), CHANGE_DETAIL.moved]
        : kind === "cancellation"
          ? [null, ...Object.values(CANCEL_CAUSES)]
          : [null];
    for (const place of places)
      for (const kind of TEXT_KINDS)
        for (const detail of details(kind)) {
          const text = messageText(kind, { ...facts, place, detail });
          expect([...text].length, text).toBeLessThanOrEqual(SEGMENT);
          expect(text).toContain(place.slice(0, place.indexOf("公共法律服务")));
        }
  });

  it("names a place in full when it fits, and without 公共法律服务 only when it would not", () => {
    const muzhou = `${MUZHOU.name}公共法律服务工作站`;
    expect(messageText("waitlist_offer", { ...facts, place: muzhou })).toBe(
      "【睦洲公共法律服务】候补空位留30分钟：12月3日 09:00，睦洲镇公共法律服务工作站，预约7YHQ9H。mzgf.cn/b/7YHQ9H",
    );
    expect(messageText("waitlist_offer", { ...facts, place: "会城街道公共法律服务工作站" })).toBe(
      "【睦洲公共法律服务】候补空位留30分钟：12月3日 09:00，会城街道工作站，预约7YHQ9H。mzgf.cn/b/7YHQ9H",
    );
    expect(messageText("confirmation", { ...facts, place: "会城街道公共法律服务工作站" })).toContain(
      "，会城街道公共法律服务工作站。",
    );
    expect(shortPlace("南镇村公共法律服务工作室")).toBe("南镇村工作室");
  });

  it("is signed with the deployment's one approved signature (SMS_SIGN_NAME), whatever the town", () => {
    expect(SIGNATURE).toBe("【睦洲公共法律服务】");
    vi.stubEnv("SMS_SIGN_NAME", "新会公共法律服务");
    try {
      expect(signature()).toBe("【新会公共法律服务】");
      expect(messageText("confirmation", facts).startsWith("【新会公共法律服务】预约7YHQ9H已确认")).toBe(true);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(messageText("confirmation", facts).startsWith(SIGNATURE)).toBe(true);
    expect(messageText("reminder", facts, signature("新会区公共法律服务")).startsWith("【新会区公共法律服务】")).toBe(true);
  });

  it("has no field for a topic or a note: nothing but the facts can reach the text", () => {
    const text = messageText("confirmation", { ...facts, ...({ topic: "婚姻家庭", note: "离婚" } as object) });
    expect(text).not.toContain("婚姻");
    expect(text).not.toContain("离婚");
  });

  it("reads the time in Shanghai", () => {
    expect(shortWhen(new Date("2026-12-03T01:00:00Z"))).toBe("12月3日 09:00");
  });
});

describe("quiet hours", () => {
  it("are 21:00 to 08:00 in Shanghai", () => {
    expect(isQuiet(at("2026-12-03", 20, 59))).toBe(false);
    expect(isQuiet(at("2026-12-03", 21))).toBe(true);
    expect(isQuiet(at("2026-12-04", 7, 59))).toBe(true);
    expect(isQuiet(at("2026-12-04", 8))).toBe(false);
  });

  it("can be configured (SMS_QUIET_HOURS), within a day or over midnight, or switched off", () => {
    expect(parseQuietHours(undefined)).toEqual({ from: 21 * 60, until: 8 * 60 });
    expect(parseQuietHours("9pm")).toBeNull();
    const late = parseQuietHours("22:30-07:00") as QuietHours;
    expect(isQuiet(at("2026-12-03", 22), late)).toBe(false);
    expect(isQuiet(at("2026-12-03", 22, 30), late)).toBe(true);
    expect(sendTime("confirmation", at("2026-12-03", 23), at("2026-12-10", 9), late)).toEqual(at("2026-12-04", 7));
    const afternoon = parseQuietHours("12:00-14:00") as QuietHours;
    expect([11, 12, 13, 14].map((h) => isQuiet(at("2026-12-03", h), afternoon))).toEqual([false, true, true, false]);
    expect(sendTime("reminder", at("2026-12-03", 12, 30), at("2026-12-10", 9), afternoon)).toEqual(at("2026-12-03", 14));
    const none = parseQuietHours("00:00-00:00") as QuietHours;
    expect([0, 3, 21, 23].some((h) => isQuiet(at("2026-12-03", h), none))).toBe(false);
  });

  it("hold a message until 08:00, the same morning or the next", () => {
    expect(sendTime("confirmation", at("2026-12-03", 22), at("2026-12-10", 9))).toEqual(at("2026-12-04", 8));
    expect(sendTime("confirmation", at("2026-12-04", 3), at("2026-12-10", 9))).toEqual(at("2026-12-04", 8));
    expect(sendTime("confirmation", at("2026-12-03", 10), at("2026-12-10", 9))).toEqual(at("2026-12-03", 10));
  });

  it("let through a change or cancellation of a consultation within 12 hours, and only those", () => {
    expect(sendTime("cancellation", at("2026-12-03", 22), at("2026-12-04", 9))).toEqual(at("2026-12-03", 22));
    expect(sendTime("change", at("2026-12-03", 22), at("2026-12-04", 9))).toEqual(at("2026-12-03", 22));
    expect(sendTime("cancellation", at("2026-12-03", 22), at("2026-12-05", 9))).toEqual(at("2026-12-04", 8));
    expect(sendTime("confirmation", at("2026-12-03", 22), at("2026-12-04", 9))).toEqual(at("2026-12-04", 8));
  });
});

describe("reminders", () => {
  it("are the day before at 18:00 and 2 hours before, for a booking made more than a day ahead", () => {
    expect(reminders(at("2026-12-10", 14), at("2026-12-01", 10))).toEqual([
      { slot: "day_before", at: at("2026-12-09", 18) },
      { slot: "hours_before", at: at("2026-12-10", 12) },
    ]);
  });

  it("leave out the 2-hour one for a booking made within a day, and any that has passed", () => {
    expect(reminders(at("2026-12-10", 14), at("2026-12-09", 20))).toEqual([]);
    expect(reminders(at("2026-12-10", 14), at("2026-12-09", 17))).toEqual([{ slot: "day_before", at: at("2026-12-09", 18) }]);
  });

  it("move a reminder that would fall in the quiet hours to 08:00, still before the consultation", () => {
    expect(reminders(at("2026-12-10", 9), at("2026-12-01", 10))).toEqual([
      { slot: "day_before", at: at("2026-12-09", 18) },
      { slot: "hours_before", at: at("2026-12-10", 8) },
    ]);
    // 08:30 minus 2 hours is 06:30: moved to 08:00, which is still before 08:30.
    expect(reminders(at("2026-12-10", 8, 30), at("2026-12-01", 10))[1]).toEqual({
      slot: "hours_before",
      at: at("2026-12-10", 8),
    });
  });

  it("follow the venue's rule, or none", () => {
    expect(reminders(at("2026-12-10", 14), at("2026-12-01", 10), { dayBeforeMinute: 17 * 60, hoursBefore: null })).toEqual([
      { slot: "day_before", at: at("2026-12-09", 17) },
    ]);
    expect(reminders(at("2026-12-10", 14), at("2026-12-01", 10), { dayBeforeMinute: null, hoursBefore: null })).toEqual([]);
  });
});

describe("isMobile", () => {
  it("is true for a mainland mobile only", () => {
    expect(isMobile("13812345678")).toBe(true);
    expect(isMobile("0750-6612345")).toBe(false);
    expect(isMobile("07506612345")).toBe(false);
  });
});
