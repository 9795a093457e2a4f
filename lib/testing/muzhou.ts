// What a villager sees of 睦洲's seeded venues, written out by hand (not derived from the seed),
// for the tests of the order they are listed in: the unit test of the sort and the home page's e2e.

/** The confirmed village workrooms in the order of the pinyin of their village's name. */
export const VILLAGES_IN_PINYIN_ORDER = [
  "东成村",
  "东向村",
  "古田村",
  "黄布村",
  "莲腰村",
  "莲子塘村",
  "龙泉村",
  "梅大冲村",
  "睦洲村",
  "睦洲社区",
  "南安村",
  "南镇村",
  "石板沙村",
  "新沙村",
] as const;
