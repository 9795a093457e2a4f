import { describe, expect, it } from "vitest";
import { formInput, formValues } from "@/lib/form-values";
import {
  bookingCode,
  bookingFormInput,
  bookingSearchInput,
  cancelBookingInput,
  createBookingInput,
  findBookingInput,
  instant,
  moveFormInput,
  rescheduleBookingInput,
  staffBookingFormInput,
  staffCancelFormInput,
} from "./schema";

const INVISIBLE = "请删去看不见的特殊字符后再提交。";
const NUL = "\u0000";

const booking = {
  venue: "station",
  start: "2026-12-01T09:00:00+08:00",
  lawyerId: "cmlawyer1",
  name: "村民甲",
  phone: "13812345678",
  village: "南镇村",
  topic: "marriage",
  description: "邻居占用宅基地",
  onBehalfOf: { name: "村民乙", relation: "子女" },
  consent: true,
};

const fieldsOf = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

/** The villager's booking form as the browser posts it. */
const villagerForm = {
  venue: "station",
  slot: `${booking.start}|cmlawyer1`,
  name: "村民甲",
  phone: "13812345678",
  topic: "marriage",
  consent: "on",
};

describe("createBookingInput", () => {
  it("refuses a NUL byte in every text field, beside that field", () => {
    expect(createBookingInput.safeParse(booking).success).toBe(true);
    for (const field of ["venue", "lawyerId", "name", "village", "topic", "description"] as const) {
      const result = createBookingInput.safeParse({ ...booking, [field]: `${booking[field]}${NUL}` });
      expect(fieldsOf(result), field).toEqual({ [field]: INVISIBLE });
    }
    for (const field of ["name", "relation"] as const) {
      const onBehalfOf = { ...booking.onBehalfOf, [field]: `${NUL}${booking.onBehalfOf[field]}` };
      expect(fieldsOf(createBookingInput.safeParse({ ...booking, onBehalfOf })), field).toEqual({
        [`onBehalfOf.${field}`]: INVISIBLE,
      });
    }
    expect(Object.keys(fieldsOf(createBookingInput.safeParse({ ...booking, phone: `138${NUL}12345678` })))).toEqual(["phone"]);
  });

  it("keeps the line breaks and tabs of the note, but not in a name", () => {
    const parsed = createBookingInput.parse({ ...booking, description: "第一行\r\n第二行\t完" });
    expect(parsed.description).toBe("第一行\r\n第二行\t完");
    expect(fieldsOf(createBookingInput.safeParse({ ...booking, name: "村民\r\n甲" }))).toEqual({ name: INVISIBLE });
  });
});

describe("instant", () => {
  it("takes 2000 to 2100 in Asia/Shanghai and refuses what lies outside, before it is ever formatted", () => {
    expect(instant.parse("2000-01-01T00:00:00+08:00")).toEqual(new Date("1999-12-31T16:00:00Z"));
    expect(instant.parse("2100-12-31T23:59:59+08:00")).toEqual(new Date("2100-12-31T15:59:59Z"));
    for (const bad of [
      "0500-06-01T09:00:00+08:00",
      "0000-01-01T00:00:00Z",
      "0999-12-31T23:59:59Z",
      "1999-12-31T23:59:59+08:00",
      "2100-12-31T16:00:00Z", // 2101-01-01 00:00 in Shanghai
      "2101-01-01T09:00:00+08:00",
      "9999-12-31T09:00:00+08:00",
    ]) {
      const result = instant.safeParse(bad);
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0].message, bad).toBe("时间应在 2000 年到 2100 年之间，请检查年份。");
    }
    for (const schema of [createBookingInput, rescheduleBookingInput]) {
      const result = schema.safeParse({ ...booking, code: "ABC123", start: "0500-06-01T09:00:00+08:00" });
      expect(Object.keys(fieldsOf(result))).toEqual(["start"]);
    }
  });
});

describe("the forms built on the API's inputs", () => {
  const form = (entries: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(entries)) data.append(name, value);
    return formInput(formValues(data));
  };

  it("refuse a NUL byte in the villager's booking form, the slot's lawyer and the reasons", () => {
    expect(bookingFormInput.safeParse(form(villagerForm)).success).toBe(true);
    expect(fieldsOf(bookingFormInput.safeParse(form({ ...villagerForm, name: `村民${NUL}甲` })))).toEqual({ name: INVISIBLE });
    expect(
      Object.keys(fieldsOf(bookingFormInput.safeParse(form({ ...villagerForm, slot: `${booking.start}|cm${NUL}` })))),
    ).toEqual(["slot"]);
    expect(Object.keys(fieldsOf(moveFormInput.safeParse(form({ code: "ABC123", slot: "0500-06-01T09:00:00+08:00|" }))))).toEqual([
      "slot",
    ]);
    expect(fieldsOf(staffCancelFormInput.safeParse({ code: "ABC123", reason: `生病${NUL}` }))).toEqual({ reason: INVISIBLE });
    expect(fieldsOf(cancelBookingInput.safeParse({ code: "ABC123", phone: "13812345678", reason: `不去了${NUL}` }))).toEqual({
      reason: INVISIBLE,
    });
    expect(Object.keys(fieldsOf(cancelBookingInput.safeParse({ code: `ABC${NUL}123`, phone: "13812345678" })))).toEqual(["code"]);
  });
});

describe("booking for someone else", () => {
  const sent = (entries: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries({ ...villagerForm, ...entries })) data.append(name, value);
    return formInput(formValues(data));
  };
  const proxy = { "onBehalfOf.name": "村民乙", "onBehalfOf.relation": "子女" };

  it("on the villager's form, is what the ticked box says: both fields then, and nothing typed and hidden again", () => {
    const ticked = bookingFormInput.safeParse(sent({ onBehalf: "on", ...proxy }));
    expect(ticked.success && ticked.data.booking.onBehalfOf).toEqual({ name: "村民乙", relation: "子女" });
    expect(Object.keys(fieldsOf(bookingFormInput.safeParse(sent({ onBehalf: "on", "onBehalfOf.name": "村民乙" }))))).toEqual([
      "onBehalfOf.relation",
    ]);
    expect(Object.keys(fieldsOf(bookingFormInput.safeParse(sent({ onBehalf: "on" }))))).toEqual([
      "onBehalfOf.name",
      "onBehalfOf.relation",
    ]);
    // Unticked, the fields are hidden: what was typed there before is not sent on as a proxy.
    const unticked = bookingFormInput.safeParse(sent(proxy));
    expect(unticked.success && unticked.data.booking.onBehalfOf).toBeUndefined();
  });

  it("on the staff form, which has no box, is given by filling in either field", () => {
    const staff = (entries: Record<string, string>) =>
      staffBookingFormInput.safeParse(sent({ phone: "0750-6612345", channel: "PHONE", ...entries }));
    const given = staff(proxy);
    expect(given.success && given.data.booking.onBehalfOf).toEqual({ name: "村民乙", relation: "子女" });
    expect(Object.keys(fieldsOf(staff({ "onBehalfOf.name": "村民乙" })))).toEqual(["onBehalfOf.relation"]);
    const none = staff({});
    expect(none.success && none.data.booking.onBehalfOf).toBeUndefined();
  });
});

describe("the staff booking form's source", () => {
  const staffForm = (channel: string) => {
    const data = new FormData();
    const fields = {
      venue: "station",
      slot: `${booking.start}|cmlawyer1`,
      name: "村民甲",
      phone: "0750-6612345",
      topic: "marriage",
      consent: "on",
      channel,
    };
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    return staffBookingFormInput.safeParse(formInput(formValues(data)));
  };

  it("is a phone call, a visit or a referral, never 网上预约, which villagers do themselves", () => {
    expect(staffForm("PHONE").success).toBe(true);
    expect(staffForm("VILLAGE_CADRE").success).toBe(true);
    expect(fieldsOf(staffForm("ONLINE"))).toEqual({ channel: "请选择预约来源：电话、现场或转介。" });
  });
});

describe("a booking code as villagers type it", () => {
  it("takes the code as shown (spaced), in lower case and in full-width characters", () => {
    for (const typed of ["7YHQ9H", "7 Y H Q 9 H", " 7yhq9h ", "7yh q9h", "７ＹＨＱ９Ｈ", "７　ｙ　ｈ　ｑ　９　ｈ", "7YH-Q9H"]) {
      expect(bookingCode.parse(typed), typed).toBe("7YHQ9H");
    }
  });

  it("asks for the code when the field is empty, and says what a code looks like when it is wrong", () => {
    for (const empty of ["", "   ", "\u3000"]) {
      expect(
        bookingCode.safeParse(empty).error?.issues.map((i) => i.message),
        JSON.stringify(empty),
      ).toEqual(["请填写预约号。"]);
    }
    expect(bookingCode.safeParse("no!").error?.issues.map((i) => i.message)).toEqual([
      "预约号由字母和数字组成，请核对后再输入。",
    ]);
  });
});

describe("the look-up by code and phone", () => {
  it("takes full-width digits and the landline a booking made by staff was made with", () => {
    expect(findBookingInput.parse({ code: "７ｙｈｑ ９ｈ", phone: "１３８ １２３４ ５６７８" })).toEqual({
      code: "7YHQ9H",
      phone: "13812345678",
    });
    for (const phone of ["0750-6612345", "07506612345", "0750 6612345", "（0750）6612345", "０７５０－６６１２３４５"]) {
      expect(findBookingInput.parse({ code: "7YHQ9H", phone }).phone, phone).toBe("0750-6612345");
    }
    expect(fieldsOf(findBookingInput.safeParse({ code: "", phone: "12345" }))).toEqual({
      code: "请填写预约号。",
      phone: "请填写手机号码（11 位）或带区号的固定电话，例如 0750-6123456。",
    });
  });
});

describe("the staff search by phone", () => {
  it("keeps the digits only, however the number was typed", () => {
    for (const phone of ["0750-6612345", "0750 6612345", "０７５０－６６１２３４５", "(0750)6612345"]) {
      expect(bookingSearchInput.parse({ phone }).phone, phone).toBe("07506612345");
    }
    expect(bookingSearchInput.parse({ phone: "２３４５" }).phone).toBe("2345");
    expect(bookingSearchInput.parse({ phone: " - " }).phone).toBeUndefined();
  });
});
