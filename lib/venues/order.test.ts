import { describe, expect, it } from "vitest";
import { VILLAGES_IN_PINYIN_ORDER } from "@/lib/testing/muzhou";
import { VENUES } from "@/prisma/seed/venues";
import { sortForVillagers } from "./order";

describe("sortForVillagers", () => {
  it("puts the station first, then the seeded workrooms by the pinyin of their village", () => {
    const sorted = sortForVillagers(VENUES.filter((v) => v.confirmed !== false));
    expect(sorted.map((v) => v.village ?? v.name)).toEqual(["睦洲镇公共法律服务工作站", ...VILLAGES_IN_PINYIN_ORDER]);
  });

  it("orders a venue without a village by its own name, and does not change the list it was given", () => {
    const venues = [
      { kind: "WORKROOM" as const, name: "新沙村公共法律服务工作室", village: "新沙村" },
      { kind: "WORKROOM" as const, name: "流动服务点", village: null },
    ];
    expect(sortForVillagers(venues).map((v) => v.name)).toEqual(["流动服务点", "新沙村公共法律服务工作室"]);
    expect(venues[0].name).toBe("新沙村公共法律服务工作室");
  });
});
