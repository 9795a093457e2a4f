// Demo lawyers, their weekly duty and demo accounts: only for the embedded demo database.
// Every village gets a 3-hour session a week (about 13 hours a month, over the 8-hour rule);
// the station has two lawyers at once on Monday and Thursday mornings and Tuesday afternoons.
export const DEMO_PASSWORDS = {
  admin: "muzhou-admin-2026",
  staff: "muzhou-staff-2026",
  lawyer: "muzhou-lawyer-2026",
  /** The district's demo account (npm run db:seed -- --district). */
  district: "xinhui-district-2026",
} as const;

const AM = { start: 9 * 60, end: 12 * 60 };
const PM = { start: 14 * 60 + 30, end: 17 * 60 + 30 };

type Duty = { venue: string; weekday: number; start: number; end: number };

export type DemoLawyer = {
  username: string;
  name: string;
  firm: string;
  publicPhone: string;
  specialties: string[];
  advises: string[];
  duties: Duty[];
};

const at = (venue: string, weekday: number, half: typeof AM): Duty => ({ venue, weekday, ...half });

export const DEMO_LAWYERS: DemoLawyer[] = [
  {
    username: "lawyer1",
    name: "陈志明（示例）",
    firm: "广东睦和律师事务所（示例）",
    publicPhone: "13800138001",
    specialties: ["婚姻家庭", "继承"],
    advises: ["muzhou-shequ", "nanzhen"],
    duties: [at("muzhou-shequ", 1, AM), at("nanzhen", 3, PM), at("station", 2, AM), at("station", 4, PM)],
  },
  {
    username: "lawyer2",
    name: "李慧芳（示例）",
    firm: "广东睦和律师事务所（示例）",
    publicPhone: "13800138002",
    specialties: ["劳动争议/欠薪", "工伤"],
    advises: ["nanan", "shibansha"],
    duties: [at("nanan", 2, AM), at("shibansha", 4, PM), at("station", 1, AM), at("station", 5, PM)],
  },
  {
    username: "lawyer3",
    name: "黄国强（示例）",
    firm: "江门新会法联律师事务所（示例）",
    publicPhone: "13800138003",
    specialties: ["土地承包/流转", "宅基地/房屋"],
    advises: ["lianzitang", "huangbu"],
    duties: [at("lianzitang", 3, AM), at("huangbu", 5, PM), at("station", 1, AM)],
  },
  {
    username: "lawyer4",
    name: "梁嘉欣（示例）",
    firm: "江门新会法联律师事务所（示例）",
    publicPhone: "13800138004",
    specialties: ["合同纠纷", "借贷/债务"],
    advises: ["meidachong", "dongcheng"],
    duties: [at("meidachong", 4, AM), at("dongcheng", 1, PM), at("station", 3, AM)],
  },
  {
    username: "lawyer5",
    name: "吴建华（示例）",
    firm: "广东侨乡律师事务所（示例）",
    publicPhone: "13800138005",
    specialties: ["交通事故", "人身损害"],
    advises: ["longquan", "lianyao"],
    duties: [at("longquan", 5, AM), at("lianyao", 2, PM), at("station", 1, PM), at("station", 4, AM)],
  },
  {
    username: "lawyer6",
    name: "林晓敏（示例）",
    firm: "广东侨乡律师事务所（示例）",
    publicPhone: "13800138006",
    specialties: ["村集体经济与分红（含出嫁女权益）", "婚姻家庭"],
    advises: ["xinsha", "gutian"],
    duties: [at("xinsha", 1, AM), at("gutian", 3, PM), at("station", 2, PM), at("station", 5, AM)],
  },
  {
    username: "lawyer7",
    name: "何永杰（示例）",
    firm: "江门新会法联律师事务所（示例）",
    publicPhone: "13800138007",
    specialties: ["刑事/治安", "行政处罚/复议"],
    advises: ["dongxiang", "muzhoucun"],
    duties: [at("dongxiang", 2, AM), at("muzhoucun", 4, PM), at("station", 3, PM), at("station", 6, AM)],
  },
  {
    username: "lawyer8",
    name: "张丽娟（示例）",
    firm: "广东睦和律师事务所（示例）",
    publicPhone: "13800138008",
    specialties: ["征地拆迁补偿", "申请法律援助"],
    advises: ["village-15"],
    duties: [at("village-15", 3, AM), at("station", 2, PM), at("station", 4, AM)],
  },
];
