// Muzhou's town station and its fifteen village workrooms (../shared/domain.md).
// Addresses and three village names are unverified: they are seed values that staff edit
// in the app, and the seed never overwrites an existing venue. The fifteenth village is a
// placeholder, hidden from villagers until staff rename and confirm it.
import type { VenueSummary } from "../../lib/venues/queries";

/** `confirmed`: false for a placeholder staff must check before villagers see it. */
export type VenueSeed = VenueSummary & { confirmed?: boolean };

const TOWN = "江门市新会区睦洲镇";

function workroom(slug: string, village: string, isDemonstration = false): VenueSeed {
  return {
    slug,
    kind: "WORKROOM",
    name: `${village}公共法律服务工作室`,
    village,
    address: `${TOWN}${village}${village.endsWith("社区") ? "居委会" : "村委会"}`,
    isDemonstration,
  };
}

export const VENUES: VenueSeed[] = [
  {
    slug: "station",
    kind: "STATION",
    name: "睦洲镇公共法律服务工作站",
    village: null,
    address: `${TOWN}人民政府司法所`,
    isDemonstration: true,
  },
  workroom("muzhou-shequ", "睦洲社区", true),
  workroom("nanzhen", "南镇村", true),
  workroom("nanan", "南安村", true),
  workroom("shibansha", "石板沙村"),
  workroom("lianzitang", "莲子塘村"),
  workroom("huangbu", "黄布村"),
  workroom("meidachong", "梅大冲村"),
  workroom("dongcheng", "东成村"),
  workroom("longquan", "龙泉村"),
  workroom("lianyao", "莲腰村"),
  workroom("xinsha", "新沙村"),
  workroom("gutian", "古田村"),
  workroom("dongxiang", "东向村"),
  workroom("muzhoucun", "睦洲村"),
  { ...workroom("village-15", "第十五村（待核实）"), confirmed: false },
];
