// The site's public address as an administrator types it in the console (issue 22 item 4).
import { z } from "zod";

export const publicAddressInput = z.object({
  address: z
    .string({ error: "请填写网站的公开地址，例如 https://fw.example.gov.cn。" })
    .trim()
    .min(1, "请填写网站的公开地址，例如 https://fw.example.gov.cn。")
    .max(200, "地址太长了，请核对。")
    .refine((v) => /^https?:\/\/[^/\s?#]+(\/[^\s?#]*)?$/.test(v) && URL.canParse(v), {
      message: "请填写以 https:// 或 http:// 开头的网址，例如 https://fw.example.gov.cn，不要带问号后面的部分。",
    })
    .transform((v) => v.replace(/\/+$/, "")),
});
export type PublicAddressInput = z.output<typeof publicAddressInput>;
