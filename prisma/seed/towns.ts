// The towns of the deployment. 睦洲 is seeded always; `npm run db:seed -- --district` adds the
// other ten towns and street of Xinhui district (江门市新会区) for a bureau's demo, each with a
// station and placeholder workrooms (about 220 venues in all, as Xinhui reported 223 in 2021).
import type { TownSetup } from "../../lib/towns/rules";
import type { VenueSeed } from "./venues";

export type TownSeed = TownSetup;

const DISTRICT = "江门市新会区";

function town(slug: string, name: string): TownSeed {
  const shortName = name.replace(/(镇|街道)$/, "");
  const government = name.endsWith("街道") ? `${DISTRICT}${name}办事处` : `${DISTRICT}${name}人民政府`;
  return { slug, name, shortName, government, officeName: `${shortName}司法所`, officeAddress: `${government}司法所` };
}

export const MUZHOU = town("muzhou", "睦洲镇");

/** Xinhui's other towns, with how many village workrooms each gets in the demo. */
export const DISTRICT_TOWNS: { town: TownSeed; workrooms: number }[] = [
  { town: town("huicheng", "会城街道"), workrooms: 30 },
  { town: town("daze", "大泽镇"), workrooms: 19 },
  { town: town("siqian", "司前镇"), workrooms: 17 },
  { town: town("luokeng", "罗坑镇"), workrooms: 16 },
  { town: town("shuangshui", "双水镇"), workrooms: 24 },
  { town: town("yamen", "崖门镇"), workrooms: 21 },
  { town: town("shadui", "沙堆镇"), workrooms: 18 },
  { town: town("gujing", "古井镇"), workrooms: 17 },
  { town: town("sanjiang", "三江镇"), workrooms: 17 },
  { town: town("daao", "大鳌镇"), workrooms: 13 },
];

/** A district town's station and its placeholder workrooms (示例村 1…n), shown to villagers as demo venues. */
export function districtVenues({ town: t, workrooms }: { town: TownSeed; workrooms: number }): VenueSeed[] {
  const venues: VenueSeed[] = [
    {
      slug: `${t.slug}-station`,
      kind: "STATION",
      name: `${t.name}公共法律服务工作站`,
      village: null,
      address: t.officeAddress,
      isDemonstration: true,
    },
  ];
  for (let n = 1; n <= workrooms; n++) {
    const village = `${t.shortName}示例${n}村`;
    venues.push({
      slug: `${t.slug}-${n}`,
      kind: "WORKROOM",
      name: `${village}公共法律服务工作室`,
      village,
      address: `${DISTRICT}${t.name}${village}村委会`,
      isDemonstration: false,
    });
  }
  return venues;
}
