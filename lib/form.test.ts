// The text rule every schema shares: no NUL (PostgreSQL refuses it: error 22021, a 500) and no
// other control character nobody types; a note keeps its line breaks and tabs. And every date in
// a sane range. Swept across the schemas of every domain, so a new field that forgets it shows here.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { staffAccountInput } from "@/lib/accounts/schema";
import { slotsQuery } from "@/lib/api/schema";
import { auditSearchInput } from "@/lib/audit/schema";
import { changePasswordInput } from "@/lib/auth/schema";
import { bookingSearchInput } from "@/lib/booking/schema";
import { completeBookingInput, walkInInput } from "@/lib/consultations/schema";
import { callbackRequestInput } from "@/lib/demand/schema";
import { overrideIdInput, overrideInput } from "@/lib/holidays/schema";
import { lawyerIdInput, lawyerInput } from "@/lib/lawyers/schema";
import { anyPhone, mobilePhone } from "@/lib/phone";
import { addExtraInput, addLeaveInput, addSessionInput, bookingChoice, endSessionInput } from "@/lib/schedule/schema";
import { handleCallbackInput, reportFilterInput, reportItemsInput } from "@/lib/stats/schema";
import { venueInput } from "@/lib/venues/schema";
import { optionalText, personName, requiredText } from "./form";
import { isPlainText } from "./form-values";

const INVISIBLE = "请删去看不见的特殊字符后再提交。";
const NUL = "\u0000";

/** The first message at `path`, or undefined when the value parses. */
function messageAt(schema: z.ZodType, value: unknown, path: string): string | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return undefined;
  return parsed.error.issues.find((i) => i.path.join(".") === path)?.message ?? `no issue at ${path}: ${parsed.error.message}`;
}

describe("isPlainText, requiredText, optionalText", () => {
  it("refuses NUL and the other control characters, and lone surrogates", () => {
    for (const bad of [
      NUL,
      "a\u0001b",
      "\u001b[31m",
      "x\u007f",
      "\u0085",
      "\u009f",
      "\ud800",
      "a\udc00b",
      "a\nb",
      "a\rb",
      "a\tb",
      // Direction overrides and isolates, and the line and paragraph separators.
      "阿明\u202e",
      "a\u202db",
      "\u2066x\u2069",
      "a\u200fb",
      "a\u2028b",
      "a\u2029b",
    ]) {
      expect(isPlainText(bad), JSON.stringify(bad)).toBe(false);
      expect(messageAt(requiredText("请填写。", 40), `张${bad}三`, ""), JSON.stringify(bad)).toBe(INVISIBLE);
      expect(messageAt(optionalText(40), `张${bad}三`, ""), JSON.stringify(bad)).toBe(INVISIBLE);
    }
    for (const good of ["张三", "Zhang San", "😀👨‍👩‍👧", "（村民）·—“”", "\u00a0全角　空格"]) {
      expect(isPlainText(good), good).toBe(true);
      expect(requiredText("请填写。", 40).parse(good)).toBe(good.trim());
    }
  });

  it("lets a multi-line note keep its line breaks and tabs, but not NUL", () => {
    const note = optionalText(100, { multiline: true });
    expect(note.parse("第一行\r\n第二行\n\t第三行")).toBe("第一行\r\n第二行\n\t第三行");
    expect(isPlainText("a\r\n\tb", { multiline: true })).toBe(true);
    for (const bad of [NUL, "\u000b", "\u000c", "\u001b", "\u007f", "\ud800"]) {
      expect(messageAt(note, `备${bad}注`, ""), JSON.stringify(bad)).toBe(INVISIBLE);
      expect(messageAt(requiredText("请填写。", 40, { multiline: true }), `备${bad}注`, ""), JSON.stringify(bad)).toBe(INVISIBLE);
    }
  });

  it("trims first, so a line break typed at either end of a one-line field is not an error", () => {
    expect(requiredText("请填写。", 40).parse("\n张三\r\n")).toBe("张三");
    expect(optionalText(40).parse("\t\n")).toBeUndefined();
  });
});

describe("every text schema refuses control characters", () => {
  const cases: [string, z.ZodType, Record<string, unknown>, string[]][] = [
    ["staffAccountInput", staffAccountInput, { username: "chenls", displayName: "陈丽", role: "STAFF" }, ["displayName"]],
    ["auditSearchInput", auditSearchInput, { actor: "chenls", kind: "booking" }, ["actor", "kind"]],
    [
      "bookingSearchInput",
      bookingSearchInput,
      { venue: "station", lawyer: "l1", topic: "marriage", phone: "138" },
      ["venue", "lawyer", "topic", "phone"],
    ],
    [
      "completeBookingInput",
      completeBookingInput,
      { outcomes: ["CONSULTATION"], minutesSpent: "30", lawyerNote: "好" },
      ["lawyerNote"],
    ],
    [
      "walkInInput",
      walkInInput,
      {
        venueId: "v1",
        lawyerId: "l1",
        date: "2026-12-01",
        time: "09:30",
        name: "村民甲",
        village: "南镇村",
        topic: "marriage",
        outcomes: ["CONSULTATION"],
        minutesSpent: "30",
        lawyerNote: "好",
      },
      ["venueId", "lawyerId", "name", "village", "topic", "lawyerNote"],
    ],
    [
      "callbackRequestInput",
      callbackRequestInput,
      { venue: "station", name: "村民甲", phone: "13812345678", topic: "marriage", note: "土地", consent: true },
      ["venue", "name", "topic", "note"],
    ],
    ["overrideInput", overrideInput, { date: "2026-10-01", kind: "HOLIDAY", note: "台风停工" }, ["note"]],
    ["overrideIdInput", overrideIdInput, { id: "o1" }, ["id"]],
    [
      "lawyerInput",
      lawyerInput,
      {
        name: "陈律师",
        firm: "某律师事务所",
        publicPhone: "13812345678",
        specialties: "婚姻家庭\r\n继承",
        venues: ["v1"],
        advises: [],
      },
      ["name", "firm", "specialties", "venues.0"],
    ],
    ["lawyerIdInput", lawyerIdInput, { lawyerId: "l1" }, ["lawyerId"]],
    [
      "addSessionInput",
      addSessionInput,
      { venueId: "v1", weekday: "1", start: "09:00", end: "12:00", validFrom: "2026-12-01" },
      ["venueId"],
    ],
    ["endSessionInput", endSessionInput, { sessionId: "s1", lastDate: "2026-12-01" }, ["sessionId"]],
    ["addLeaveInput", addLeaveInput, { date: "2026-12-01", venueId: "v1", wholeDay: "on", note: "开会" }, ["venueId", "note"]],
    [
      "addExtraInput",
      addExtraInput,
      { date: "2026-12-01", venueId: "v1", start: "14:00", end: "16:00", note: "加班" },
      ["venueId", "note"],
    ],
    ["bookingChoice", bookingChoice, { bookingId: "b1", action: "cancel", reason: "律师生病" }, ["bookingId", "reason"]],
    ["handleCallbackInput", handleCallbackInput, { id: "c1", note: "已回电\n约好周一" }, ["note"]],
    [
      "venueInput",
      venueInput,
      {
        name: "南镇村工作室",
        village: "南镇村",
        address: "村委会",
        openingNotes: "周一\n周三",
        slotMinutes: "30",
        minNoticeMinutes: "0",
        horizonDays: "28",
      },
      ["name", "village", "address", "openingNotes"],
    ],
  ];

  for (const [name, schema, valid, fields] of cases) {
    it(name, () => {
      expect(schema.safeParse(valid).error?.issues).toBeUndefined();
      for (const field of fields) {
        // "venues.0": the first of a list of ids.
        const [key, index] = field.split(".");
        const input = { ...valid, [key]: index === undefined ? `${valid[key]}${NUL}` : [`v1${NUL}`] };
        expect(messageAt(schema, input, field), `${name}.${field}`).toBe(INVISIBLE);
      }
    });
  }

  it("changePasswordInput", () => {
    const input = { current: "Old-pass-1", next: `New${NUL}pass-123`, confirm: `New${NUL}pass-123` };
    expect(messageAt(changePasswordInput, input, "next")).toBe(INVISIBLE);
  });

  it("phone numbers", () => {
    for (const phone of [mobilePhone, anyPhone]) {
      expect(phone.safeParse("138 1234 5678").success).toBe(true);
      expect(messageAt(phone, `1381234${NUL}5678`, "")).toBe(INVISIBLE);
      expect(messageAt(phone, `13812345678${NUL}`, "")).toBe(INVISIBLE);
    }
  });
});

describe("every date is between 2000 and 2100", () => {
  const cases: [string, z.ZodType, Record<string, unknown>, string][] = [
    ["slotsQuery", slotsQuery, {}, "from"],
    ["auditSearchInput", auditSearchInput, {}, "to"],
    ["bookingSearchInput", bookingSearchInput, {}, "from"],
    ["overrideInput", overrideInput, { kind: "HOLIDAY" }, "date"],
    ["addSessionInput", addSessionInput, { venueId: "v1", weekday: "1", start: "09:00", end: "12:00" }, "validFrom"],
    ["endSessionInput", endSessionInput, { sessionId: "s1" }, "lastDate"],
    ["reportFilterInput", reportFilterInput, {}, "from"],
    ["reportItemsInput", reportItemsInput, {}, "to"],
    [
      "walkInInput",
      walkInInput,
      { venueId: "v1", time: "09:30", name: "村民甲", topic: "marriage", outcomes: ["CONSULTATION"], minutesSpent: "30" },
      "date",
    ],
  ];
  for (const [name, schema, rest, field] of cases) {
    it(`${name}.${field}`, () => {
      for (const good of ["2000-01-01", "2026-12-01", "2100-12-31"])
        expect(schema.safeParse({ ...rest, [field]: good }).error?.issues, good).toBeUndefined();
      for (const bad of ["0500-06-01", "0999-12-31", "1999-12-31", "2101-01-01", "9999-12-31", "2026-02-30", "2026-13-01"])
        expect(messageAt(schema, { ...rest, [field]: bad }, field), bad).toMatch(/日期|这一天/);
      expect(messageAt(schema, { ...rest, [field]: "0500-06-01" }, field)).toMatch(/2000.*2100/);
    });
  }
});

describe("personName", () => {
  it("wants at least one letter or Chinese character: emoji or signs alone are no name", () => {
    const name = personName("请填写姓名。", 40);
    for (const good of ["陈阿婆", "Li Ming", "阿明😀", "区·小明"]) expect(name.safeParse(good).success, good).toBe(true);
    for (const bad of ["😀", "😀👍", "...", "123", "（）"]) {
      expect(
        name.safeParse(bad).error?.issues.map((i) => i.message),
        bad,
      ).toEqual(["姓名要有文字，请填写真实姓名，例如“陈阿婆”。"]);
    }
  });
});
