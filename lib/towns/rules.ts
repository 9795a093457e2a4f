// The district's names, from its one setting (site_setting district_name, default 江门市新会区),
// and how the site and a town's pages name themselves from a town's row. Pure: safe anywhere.

export const DISTRICT_NAME_KEY = "district_name";
export const DEFAULT_DISTRICT_NAME = "江门市新会区";

/** "江门市新会区" → short "新会区", bureau "江门市新会区司法局". */
export function districtNames(full: string | null | undefined): { full: string; short: string; bureau: string } {
  const name = full?.trim() || DEFAULT_DISTRICT_NAME;
  const short = name.replace(/^.*?市/, "") || name;
  return { full: name, short, bureau: `${name}司法局` };
}

/** What a page or a printed sheet needs to name a town: 睦洲镇, 江门市新会区睦洲镇人民政府, 睦洲司法所. */
export type TownNames = {
  name: string;
  government: string;
  officeName: string;
  officeAddress: string;
};

/** A town as it is set up (the seed, the district's form): its names and its address on the site. */
export type TownSetup = TownNames & { slug: string; shortName: string };

/** A town's station by its usual name (睦洲镇公共法律服务工作站), for a town whose station is not in the data. */
export function stationName(town: Pick<TownNames, "name">): string {
  return `${town.name}公共法律服务工作站`;
}

export type SiteIdentity<T extends TownNames = TownNames> = {
  /** "睦洲镇公共法律服务预约", or the district's "新会区公共法律服务预约". */
  title: string;
  /** What the site is for, in a sentence (the pages' description). */
  description: string;
  /** Who runs the site, as the footer says it. */
  host: string;
  /** The only town, in a town's own deployment; null with several. */
  town: T | null;
  towns: number;
  /** Where villagers go in person: "睦洲司法所", or "所在镇（街道）司法所". */
  office: string;
  /** Where villagers come without a booking: "睦洲镇公共法律服务工作站", or "所在镇（街道）公共法律服务工作站". */
  station: string;
  /** The data controller the privacy notice names. */
  controller: string;
};

/**
 * How the site names itself: with one town (a town's own deployment) as that town, from its row;
 * with several as the district (`districtSetting`: the district_name setting).
 */
export function nameSite<T extends TownNames>(only: T | null, towns: number, districtSetting?: string | null): SiteIdentity<T> {
  if (only && towns === 1) {
    return {
      title: `${only.name}公共法律服务预约`,
      description: `${stationName(only)}和各村（社区）公共法律服务工作室的免费法律咨询预约。`,
      host: `${only.government} · ${only.officeName}`,
      town: only,
      towns: 1,
      office: only.officeName,
      station: stationName(only),
      controller: `${only.government}（由${only.officeName}具体负责）`,
    };
  }
  const district = districtNames(districtSetting);
  return {
    title: `${district.short}公共法律服务预约`,
    description: `${district.short}各镇（街道）公共法律服务工作站和村（社区）公共法律服务工作室的免费法律咨询预约。`,
    host: district.bureau,
    town: null,
    towns,
    office: "所在镇（街道）司法所",
    station: "所在镇（街道）公共法律服务工作站",
    controller: `${district.bureau}（各镇（街道）司法所具体负责本镇的预约）`,
  };
}
