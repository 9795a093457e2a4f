import type { Metadata } from "next";
import { BackLink } from "@/components/back-link";
import { Section } from "@/components/section";
import { SiteAddressForm } from "@/components/staff/site-address-form";
import { can } from "@/lib/auth/can";
import { requireStaff } from "@/lib/auth/session";
import { loadPublicAddress } from "@/lib/site/queries";

export const metadata: Metadata = { title: "网站设置" };

/** The site's public address (issue 22 item 4): an administrator's to set, unless the server's PUBLIC_BASE_URL decides. */
export default async function SiteSettingsPage() {
  const user = await requireStaff("/staff/settings");
  const address = await loadPublicAddress();
  const canSet = can.manageSite(user);
  return (
    <div className="space-y-6">
      <BackLink href="/staff">返回工作台</BackLink>
      <h1 className="text-2xl font-bold">网站设置</h1>
      <Section id="address-heading" title="网站的公开地址" className="space-y-3">
        <p>
          现在短信、二维码、海报和通讯卡上的地址是 <span className="break-all font-semibold">{address.base}</span>
          {address.source === "environment"
            ? "（由服务器的 PUBLIC_BASE_URL 设置决定）"
            : address.source === "console"
              ? "（在这里设置）"
              : "（还没有设置，是本机地址）"}
          。{address.real ? "" : "村民打不开这个地址，请先设置，再打印海报和通讯卡。"}
        </p>
        {address.source === "environment" ? (
          <p>服务器的设置优先。要改地址，请系统管理员修改服务器的 PUBLIC_BASE_URL 后重新启动（见 docs/operations.md）。</p>
        ) : canSet ? (
          <SiteAddressForm address={address.source === "console" ? address.base : null} />
        ) : (
          <p>网站的公开地址只能由管理员设置。如需修改，请联系管理员。</p>
        )}
      </Section>
    </div>
  );
}
