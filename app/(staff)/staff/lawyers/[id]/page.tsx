import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { textLink } from "@/components/form/styles";
import { Section } from "@/components/section";
import { BookingsToReassign, DeactivateLawyerForm, ResetLawyerPasswordForm } from "@/components/staff/lawyer-account-forms";
import { EditLawyerForm } from "@/components/staff/lawyer-form";
import { listAttendances, listMissedSessions } from "@/lib/attendance/queries";
import { requireTownScope } from "@/lib/auth/session";
import { getLawyer, listUpcomingBookings } from "@/lib/lawyers/queries";
import { monthOf, monthRange } from "@/lib/schedule/hours";
import { previousMonth } from "@/lib/stats/aggregate";
import { todayInShanghai } from "@/lib/time";
import { listVenuesForStaff } from "@/lib/venues/queries";
import { AttendanceSection } from "./attendance-section";

export const metadata: Metadata = { title: "管理律师" };

export default async function LawyerPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ recorded?: string | string[] }>;
}) {
  const { id } = await params;
  const { recorded } = await searchParams;
  const scope = await requireTownScope(`/staff/lawyers/${id}`);
  const today = todayInShanghai();
  const month = monthOf(today);
  const [lawyer, venues, attendances] = await Promise.all([
    getLawyer(scope, id),
    listVenuesForStaff(scope),
    listAttendances(scope, { ...monthRange(month), lawyerId: id }),
  ]);
  // Last month too: an inspection at the start of a month reads the month before.
  const missed = lawyer
    ? (await listMissedSessions({ venues, from: monthRange(previousMonth(month)).from, to: today })).filter(
        (s) => s.lawyer.id === id,
      )
    : [];
  if (!lawyer) notFound();
  const upcoming = lawyer.active ? [] : await listUpcomingBookings(scope, id);
  return (
    <div className="space-y-8">
      <BackLink href="/staff/lawyers">返回律师列表</BackLink>
      <h1 className="text-2xl font-bold">
        {lawyer.name}
        {lawyer.active ? "" : "（已停用）"}
      </h1>
      {!lawyer.active && (
        <Section id="reassign-heading" title="仍需改派的预约" className="space-y-3">
          <BookingsToReassign bookings={upcoming} />
        </Section>
      )}
      {lawyer.active && (
        <Section id="account-heading" title="登录账号" className="space-y-3">
          <p>
            账号名：{lawyer.username ?? "无（这位律师没有登录账号）"}。也可以用公开电话 {lawyer.publicPhone} 登录。
          </p>
          {lawyer.username && <ResetLawyerPasswordForm lawyerId={lawyer.id} />}
        </Section>
      )}
      {lawyer.active && (
        <Section id="cards-heading" title="通讯卡" className="space-y-3">
          <p>名片大小的通讯卡，印有电话、服务的村、坐班时间和预约二维码，一张 A4 纸 10 张。</p>
          <Link href={`/staff/lawyers/${lawyer.id}/cards`} className={textLink}>
            打印通讯卡
          </Link>
        </Section>
      )}
      <AttendanceSection
        month={month}
        attendances={attendances}
        missed={missed}
        recordedId={typeof recorded === "string" ? recorded : undefined}
      />
      <Section id="profile-heading" title="律师资料" className="space-y-3">
        <EditLawyerForm
          venues={venues.map((v) => ({ id: v.id, name: v.name, active: v.active }))}
          lawyer={{
            id: lawyer.id,
            name: lawyer.name,
            firm: lawyer.firm,
            publicPhone: lawyer.publicPhone,
            specialties: lawyer.specialties,
            venues: lawyer.venues,
          }}
        />
      </Section>
      {/* Always rendered, so that its answer stays on screen when the page refreshes after a deactivation. */}
      <Section id="deactivate-heading" title="停用" className="space-y-3">
        <DeactivateLawyerForm lawyerId={lawyer.id} name={lawyer.name} active={lawyer.active} />
      </Section>
    </div>
  );
}
