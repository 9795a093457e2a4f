import { describe, expect, it } from "vitest";
import { formatMonthDayWeekday } from "@/lib/time";
import { dutyTable, fillSheet, monthLabel, onlyDate, placeName, shortDate, weeklyDuty } from "./rules";

const AM = { startMinute: 540, endMinute: 720 };
const names = new Map([
  ["chen", "陈律师"],
  ["li", "李律师"],
]);

describe("dutyTable", () => {
  // 2026-06: Mondays are the 1st, 8th, 15th, 22nd and 29th; 2026-07-06 is a Monday too.
  it("groups a weekly session into one line with its days per month", () => {
    const intervals = ["2026-06-22", "2026-06-29", "2026-07-06", "2026-06-15"].map((date) => ({ lawyerId: "chen", date, ...AM }));
    expect(dutyTable(intervals, ["2026-06", "2026-07"], names)).toEqual([
      { weekday: 1, ...AM, lawyers: ["陈律师"], days: [[15, 22, 29], [6]] },
    ]);
  });

  it("puts two lawyers sitting together on one line, and one on leave on a line of their own", () => {
    const both = ["2026-06-01", "2026-06-08"];
    const intervals = [
      ...both.map((date) => ({ lawyerId: "li", date, ...AM })),
      ...both.map((date) => ({ lawyerId: "chen", date, ...AM })),
      { lawyerId: "chen", date: "2026-06-02", startMinute: 870, endMinute: 1050 },
    ];
    expect(dutyTable(intervals, ["2026-06"], names)).toEqual([
      { weekday: 1, ...AM, lawyers: ["陈律师", "李律师"], days: [[1, 8]] },
      { weekday: 2, startMinute: 870, endMinute: 1050, lawyers: ["陈律师"], days: [[2]] },
    ]);
    const onLeave = intervals.filter((i) => !(i.lawyerId === "li" && i.date === "2026-06-08"));
    expect(dutyTable(onLeave, ["2026-06"], names).map((r) => [r.lawyers, r.days])).toEqual([
      [["陈律师"], [[1, 8]]],
      [["李律师"], [[1]]],
      [["陈律师"], [[2]]],
    ]);
  });

  it("orders lines by weekday, then hours", () => {
    const intervals = [
      { lawyerId: "li", date: "2026-06-05", startMinute: 870, endMinute: 1050 },
      { lawyerId: "li", date: "2026-06-05", ...AM },
      { lawyerId: "chen", date: "2026-06-03", startMinute: 870, endMinute: 1050 },
    ];
    expect(dutyTable(intervals, ["2026-06"], names).map((r) => [r.weekday, r.startMinute])).toEqual([
      [3, 870],
      [5, 540],
      [5, 870],
    ]);
  });
});

describe("weeklyDuty", () => {
  const session = { weekday: 3, ...AM, place: "南镇村", validFrom: "2026-01-01", validUntil: null };

  it("drops ended sessions, dates only a coming start or an end, and lists each line once", () => {
    const lines = weeklyDuty(
      [
        session,
        { ...session },
        { ...session, weekday: 1, validUntil: "2026-06-01" },
        { ...session, weekday: 1, validFrom: "2026-07-01" },
        { ...session, weekday: 2, validUntil: "2026-06-30" },
      ],
      "2026-06-10",
    );
    expect(lines).toEqual([
      { weekday: 1, ...AM, place: "南镇村", from: "2026-07-01", until: null },
      { weekday: 2, ...AM, place: "南镇村", from: null, until: "2026-06-30" },
      { weekday: 3, ...AM, place: "南镇村", from: null, until: null },
    ]);
  });
});

describe("placeName", () => {
  it("names a workroom by its village and the station as the town's", () => {
    expect(placeName({ kind: "WORKROOM", name: "南镇村公共法律服务工作室", village: "南镇村" })).toBe("南镇村");
    expect(placeName({ kind: "STATION", name: "睦洲镇公共法律服务工作站", village: null })).toBe("镇工作站");
  });
});

describe("fillSheet", () => {
  const faces = (cards: { face: string }[]) => cards.map((c) => c.face).join("");

  it("fills ten cards, sharing them out among the faces in runs", () => {
    expect(faces(fillSheet(["a"]))).toBe("aaaaaaaaaa");
    expect(faces(fillSheet(["a", "b"]))).toBe("aaaaabbbbb");
    expect(faces(fillSheet(["a", "b", "c"]))).toBe("aaaabbbccc");
    expect(faces(fillSheet([..."abcdefghijkl"]))).toBe("abcdefghij");
    expect(fillSheet([])).toEqual([]);
  });

  it("marks all but the first card of a face as a repeat, and keys each card apart", () => {
    const cards = fillSheet(["a", "b"]);
    expect(cards.filter((c) => !c.repeat).map((c) => c.face)).toEqual(["a", "b"]);
    expect(new Set(cards.map((c) => c.key)).size).toBe(10);
    expect(cards.map((c) => c.faceIndex).join("")).toBe("0000011111");
  });
});

describe("shortDate and monthLabel", () => {
  it("write dates the short way, without leading zeros", () => {
    expect(shortDate("2026-06-01")).toBe("6月1日");
    expect(shortDate("2026-12-31")).toBe("12月31日");
    expect(monthLabel("2027-01")).toBe("1月");
  });
});

describe("onlyDate", () => {
  const months = ["2026-11", "2026-12"];
  it("is the one date of a one-off line, written first and in full", () => {
    const [row] = dutyTable([{ lawyerId: "chen", date: "2026-12-08", startMinute: 90, endMinute: 330 }], months, names);
    const date = onlyDate(row, months);
    expect(date).toBe("2026-12-08");
    expect(formatMonthDayWeekday(date ?? "")).toBe("12月8日（星期二）");
  });

  it("is null for a line of several dates", () => {
    const [row] = dutyTable(
      ["2026-11-24", "2026-12-01"].map((date) => ({ lawyerId: "chen", date, ...AM })),
      months,
      names,
    );
    expect(onlyDate(row, months)).toBeNull();
  });
});
