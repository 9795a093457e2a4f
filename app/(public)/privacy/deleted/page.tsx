import type { Metadata } from "next";
import { textLink } from "@/components/form/styles";
import { siteIdentity } from "@/lib/towns/queries";

export const metadata: Metadata = { title: "个人信息已删除" };

/** Where a villager lands after removing a booking's personal data. It names no booking: there is none to show. */
export default async function DataDeletedPage() {
  const site = await siteIdentity();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">您的个人信息已删除</h1>
      <p role="status" className="rounded-lg border-2 border-green-700 bg-green-50 p-3 font-semibold">
        这个预约的姓名、手机号码和备注已经删除，这部手机也不再保存这个预约。
      </p>
      <p>以后还需要法律咨询，可以重新预约；有疑问请拨打 12348 或到{site.office}咨询。</p>
      <ul className="space-y-1">
        <li>
          <a href="/" className={textLink}>
            重新预约
          </a>
        </li>
        <li>
          <a href="/privacy" className={textLink}>
            查看个人信息告知
          </a>
        </li>
      </ul>
    </div>
  );
}
