import { describe, expect, it } from "vitest";
import { anyPhone, LANDLINE_MESSAGE, maskPhone, mobilePhone } from "./phone";

describe("maskPhone", () => {
  it("keeps the first three and last four digits of a mobile number", () => {
    expect(maskPhone("13812341234")).toBe("138****1234");
    expect(maskPhone("138 1234 5678")).toBe("138****5678");
  });

  it("keeps the area code and last four digits of a landline", () => {
    expect(maskPhone("0750-6123456")).toBe("0750***3456");
    expect(maskPhone("020-12345678")).toBe("020****5678");
  });

  it("finds the area code of a landline stored without its dash", () => {
    expect(maskPhone("07506123456")).toBe("0750***3456");
    expect(maskPhone("02012345678")).toBe("020****5678");
  });

  it("hides a very short value entirely", () => {
    expect(maskPhone("1234")).toBe("****");
  });
});

describe("mobilePhone", () => {
  it("takes full-width digits, spaces and plus sign, as a Chinese keyboard types them", () => {
    for (const typed of [
      "１３８１２３４５６７８",
      "１３８　１２３４　５６７８",
      "＋８６ １３８１２３４５６７８",
      "138-1234-5678",
      "138－1234－5678",
    ]) {
      expect(mobilePhone.parse(typed), typed).toBe("13812345678");
    }
  });

  it("tells someone who typed a landline that it cannot get texts, and what to do instead", () => {
    for (const typed of ["0750-6612345", "07506612345", "（0750）6612345", "020-12345678"]) {
      const issues = mobilePhone.safeParse(typed).error?.issues ?? [];
      expect(
        issues.map((i) => i.message),
        typed,
      ).toEqual([LANDLINE_MESSAGE]);
    }
    expect(LANDLINE_MESSAGE).toMatch(/家人的手机号码.*替别人预约.*12348/);
    expect(mobilePhone.safeParse("1380013").error?.issues.map((i) => i.message)).toEqual([
      "请填写 11 位手机号码，例如 13812345678。",
    ]);
  });
});

describe("anyPhone", () => {
  it("writes a landline one way, with a dash after its area code, however it was typed", () => {
    for (const typed of [
      "0750-6612345",
      "07506612345",
      "0750 661 2345",
      "(0750)6612345",
      "（0750）6612345",
      "０７５０－６６１２３４５",
    ]) {
      expect(anyPhone.parse(typed), typed).toBe("0750-6612345");
    }
    for (const typed of ["020-12345678", "02012345678", "020 1234 5678"]) {
      expect(anyPhone.parse(typed), typed).toBe("020-12345678");
    }
    expect(anyPhone.parse("010-1234567")).toBe("010-1234567");
  });

  it("writes a mobile number as its 11 digits, like mobilePhone", () => {
    for (const typed of ["138-1234-5678", "+86 138 1234 5678", "１３８１２３４５６７８"]) {
      expect(anyPhone.parse(typed), typed).toBe("13812345678");
    }
  });

  it("refuses what is neither", () => {
    for (const typed of ["12345", "0750-123", "075061234567890", "23812345678"]) {
      expect(anyPhone.safeParse(typed).success, typed).toBe(false);
    }
  });
});
