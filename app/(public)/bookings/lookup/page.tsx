import type { Metadata } from "next";
import { LookupForm } from "@/components/manage-booking-forms";
import { siteIdentity } from "@/lib/towns/queries";

export const metadata: Metadata = { title: "查询、改期或取消预约" };

export default async function LookupPage({ searchParams }: { searchParams: Promise<{ forgotten?: string }> }) {
  const [{ forgotten }, site] = await Promise.all([searchParams, siteIdentity()]);
  return (
    <div className="space-y-6">
      {forgotten && (
        <p role="status" className="rounded-lg border-2 border-green-700 bg-green-50 p-3">
          这部手机已不再显示那个预约。需要时输入预约号和手机号码即可再次查看。
        </p>
      )}
      <h1 className="text-2xl font-bold leading-snug">查询、改期或取消预约</h1>
      <p>请输入预约号和预约时填写的手机号码。</p>
      <LookupForm />
      <p>
        忘记了预约号？请拨打{" "}
        <a href="tel:12348" className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
          12348
        </a>{" "}
        或到{site.station}查询。
      </p>
    </div>
  );
}
