import { describe, expect, it } from "vitest";
import { maskPhone } from "./phone";

describe("maskPhone", () => {
  it("keeps the first three and last four digits of a mobile number", () => {
    expect(maskPhone("13812341234")).toBe("138****1234");
    expect(maskPhone("138 1234 5678")).toBe("138****5678");
  });

  it("keeps the area code and last four digits of a landline", () => {
    expect(maskPhone("0750-6123456")).toBe("0750***3456");
    expect(maskPhone("020-12345678")).toBe("020****5678");
  });

  it("hides a very short value entirely", () => {
    expect(maskPhone("1234")).toBe("****");
  });
});
