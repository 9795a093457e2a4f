"use client";

import { ActionForm, SubmitButton, TextField } from "@/components/form";
import { setPublicAddressAction } from "@/lib/site/actions";

/** The site's public address, as an administrator sets it (lib/site). */
export function SiteAddressForm({ address }: { address: string | null }) {
  return (
    <ActionForm action={setPublicAddressAction} idPrefix="site" label="网站公开地址">
      <TextField
        name="address"
        label="网站的公开地址"
        hint="村民在手机上打开的网址，例如 https://fw.example.gov.cn。短信、海报和通讯卡上的二维码都用它。"
        inputMode="url"
        maxLength={200}
        defaultValue={address ?? ""}
      />
      <SubmitButton pendingText="正在保存…">保存地址</SubmitButton>
    </ActionForm>
  );
}
