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

/** Demo lawyer n: account lawyer<n>, public phone 1380013800<n>. */
const lawyer = (n: number, name: string, firm: string, specialties: string[], advises: string[], duties: Duty[]): DemoLawyer => ({
  username: `lawyer${n}`,
  name,
  firm,
  publicPhone: `1380013800${n}`,
  specialties,
  advises,
  duties,
});

export const DEMO_LAWYERS: DemoLawyer[] = [
  lawyer(
    1,
    "陈志明（示例）",
    "广东睦和律师事务所（示例）",
    ["婚姻家庭", "继承"],
    ["muzhou-shequ", "nanzhen"],
    [at("muzhou-shequ", 1, AM), at("nanzhen", 3, PM), at("station", 2, AM), at("station", 4, PM)],
  ),
  lawyer(
    2,
    "李慧芳（示例）",
    "广东睦和律师事务所（示例）",
    ["劳动争议/欠薪", "工伤"],
    ["nanan", "shibansha"],
    [at("nanan", 2, AM), at("shibansha", 4, PM), at("station", 1, AM), at("station", 5, PM)],
  ),
  lawyer(
    3,
    "黄国强（示例）",
    "江门新会法联律师事务所（示例）",
    ["土地承包/流转", "宅基地/房屋"],
    ["lianzitang", "huangbu"],
    [at("lianzitang", 3, AM), at("huangbu", 5, PM), at("station", 1, AM)],
  ),
  lawyer(
    4,
    "梁嘉欣（示例）",
    "江门新会法联律师事务所（示例）",
    ["合同纠纷", "借贷/债务"],
    ["meidachong", "dongcheng"],
    [at("meidachong", 4, AM), at("dongcheng", 1, PM), at("station", 3, AM)],
  ),
  lawyer(
    5,
    "吴建华（示例）",
    "广东侨乡律师事务所（示例）",
    ["交通事故", "人身损害"],
    ["longquan", "lianyao"],
    [at("longquan", 5, AM), at("lianyao", 2, PM), at("station", 1, PM), at("station", 4, AM)],
  ),
  lawyer(
    6,
    "林晓敏（示例）",
    "广东侨乡律师事务所（示例）",
    ["村集体经济与分红（含出嫁女权益）", "婚姻家庭"],
    ["xinsha", "gutian"],
    [at("xinsha", 1, AM), at("gutian", 3, PM), at("station", 2, PM), at("station", 5, AM)],
  ),
  lawyer(
    7,
    "何永杰（示例）",
    "江门新会法联律师事务所（示例）",
    ["刑事/治安", "行政处罚/复议"],
    ["dongxiang", "muzhoucun"],
    [at("dongxiang", 2, AM), at("muzhoucun", 4, PM), at("station", 3, PM), at("station", 6, AM)],
  ),
  lawyer(
    8,
    "张丽娟（示例）",
    "广东睦和律师事务所（示例）",
    ["征地拆迁补偿", "申请法律援助"],
    ["village-15"],
    [at("village-15", 3, AM), at("station", 2, PM), at("station", 4, AM)],
  ),
];
