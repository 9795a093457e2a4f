import { describe, expect, it } from "vitest";
import { DEFAULT_DISTRICT_NAME, districtNames } from "./rules";

describe("districtNames", () => {
  it("names Xinhui by default", () => {
    expect(districtNames(null)).toEqual({ full: DEFAULT_DISTRICT_NAME, short: "新会区", bureau: "江门市新会区司法局" });
  });

  it("keeps a county's name without a city", () => {
    expect(districtNames("台山市")).toEqual({ full: "台山市", short: "台山市", bureau: "台山市司法局" });
    expect(districtNames(" 江门市开平市 ").short).toBe("开平市");
  });
});
