import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("CSV for Excel", () => {
  it("starts with a byte-order mark and ends each line with CRLF", () => {
    expect(toCsv(["姓名", "次数"], [["黄姨", 2]])).toBe("\uFEFF姓名,次数\r\n黄姨,2\r\n");
  });

  it("quotes commas, quotes and line breaks", () => {
    expect(csvCell("婚姻家庭, 继承")).toBe('"婚姻家庭, 继承"');
    expect(csvCell('他说"好"')).toBe('"他说""好"""');
    expect(csvCell("第一行\n第二行")).toBe('"第一行\n第二行"');
  });

  it("keeps a cell that a spreadsheet would run as a formula as text", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    for (const lead of ["+", "-", "@", "\t"]) expect(csvCell(`${lead}1`)).toBe(`'${lead}1`);
    expect(csvCell("0750-6123456")).toBe("0750-6123456");
  });
});
