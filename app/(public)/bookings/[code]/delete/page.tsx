import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { BookingSummary } from "@/components/booking-summary";
import { secondaryButton, textLink } from "@/components/form/styles";
import { DeleteOwnDataForm } from "@/components/privacy-forms";
import { Section } from "@/components/section";
import { findOwnBooking, isChangeable } from "@/lib/booking/access";
import { isOver } from "@/lib/privacy/rules";
import { siteIdentity, townOfVenue } from "@/lib/towns/queries";

export const metadata: Metadata = { title: "删除我的个人信息" };

// The confirmation step of "删除我的个人信息" (PIPL art. 47): a page of its own, so it works
// without JavaScript; the form on it removes the data at once.
export default async function DeleteDataPage({ params }: { params: Promise<{ code: string }> }) {
  const { code, booking } = await findOwnBooking((await params).code);
  if (!code) notFound();
  // Without the phone proven on this device, the booking's page asks for it first.
  if (!booking) redirect(`/bookings/${code}`);
  const back = `/bookings/${booking.code}`;
  const office = (await townOfVenue(booking.venue.slug))?.officeName ?? (await siteIdentity()).office;

  if (!isOver(booking)) {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-bold">现在还不能删除个人信息</h1>
        <p>
          这个预约还没有结束。律师和工作人员要靠您的姓名和电话接待您，所以咨询结束以后才能删除。
          {isChangeable(booking) ? "不需要这次咨询了，请先取消预约，然后再回到这里删除。" : "咨询结束后，请再打开这个页面。"}
        </p>
        <div className="flex flex-col gap-3 sm:flex-row">
          {isChangeable(booking) && (
            <a href={`${back}/cancel`} className={secondaryButton}>
              先取消预约
            </a>
          )}
          <a href={back} className={secondaryButton}>
            返回我的预约
          </a>
        </div>
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">确定要删除您的个人信息吗？</h1>
      <BookingSummary start={booking.start} end={booking.end} venue={booking.venue} lawyer={booking.lawyer} />
      <Section id="removed" title="会删除" className="space-y-2">
        <ul className="list-disc space-y-1 pl-6">
          <li>您的姓名和手机号码；</li>
          <li>备注，代为预约的人的姓名和关系，取消原因；</li>
          <li>律师为这次咨询写的备注。</li>
        </ul>
      </Section>
      <Section id="kept" title="会保留（不含姓名和电话）" className="space-y-2">
        <p>地点、律师、时间、咨询事项和服务结果，只用来统计服务人次；还会记下“本人删除了个人信息”这件事，不记您的姓名和电话。</p>
      </Section>
      <p className="font-semibold">删除后马上生效，不能恢复；用预约号和手机号码也查不到这个预约了。</p>
      <DeleteOwnDataForm code={booking.code} backHref={back} />
      <p>
        有疑问可以拨打{" "}
        <a href="tel:12348" className={textLink}>
          12348
        </a>{" "}
        或到{office}咨询。
      </p>
    </div>
  );
}
