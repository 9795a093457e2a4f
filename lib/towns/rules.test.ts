import { describe, expect, it } from "vitest";
import { DEFAULT_DISTRICT_NAME, districtNames, nameSite, stationName } from "./rules";

describe("districtNames", () => {
  it("names Xinhui by default", () => {
    expect(districtNames(null)).toEqual({ full: DEFAULT_DISTRICT_NAME, short: "新会区", bureau: "江门市新会区司法局" });
  });

  it("keeps a county's name without a city", () => {
    expect(districtNames("台山市")).toEqual({ full: "台山市", short: "台山市", bureau: "台山市司法局" });
    expect(districtNames(" 江门市开平市 ").short).toBe("开平市");
  });
});

const muzhou = {
  name: "睦洲镇",
  government: "江门市新会区睦洲镇人民政府",
  officeName: "睦洲司法所",
  officeAddress: "江门市新会区睦洲镇人民政府司法所",
};

describe("nameSite", () => {
  it("names a town's own deployment after its one town, in the words the site always used", () => {
    expect(nameSite(muzhou, 1)).toEqual({
      title: "睦洲镇公共法律服务预约",
      description: "睦洲镇公共法律服务工作站和各村（社区）公共法律服务工作室的免费法律咨询预约。",
      host: "江门市新会区睦洲镇人民政府 · 睦洲司法所",
      town: muzhou,
      towns: 1,
      office: "睦洲司法所",
      station: "睦洲镇公共法律服务工作站",
      controller: "江门市新会区睦洲镇人民政府（由睦洲司法所具体负责）",
    });
  });

  it("names a deployment of several towns after the district, naming no town", () => {
    const site = nameSite(null, 11, "江门市新会区");
    expect(site).toMatchObject({ title: "新会区公共法律服务预约", host: "江门市新会区司法局", town: null, towns: 11 });
    expect(site.office).toBe("所在镇（街道）司法所");
    expect(site.station).toBe("所在镇（街道）公共法律服务工作站");
    expect(JSON.stringify(site)).not.toContain("睦洲");
  });
});

describe("stationName", () => {
  it("is the town's name and 公共法律服务工作站", () => {
    expect(stationName({ name: "会城街道" })).toBe("会城街道公共法律服务工作站");
  });
});
