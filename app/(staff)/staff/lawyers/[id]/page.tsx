import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { textLink } from "@/components/form/styles";
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
        <section aria-labelledby="reassign-heading" className="space-y-3">
          <h2 id="reassign-heading" className="text-xl font-bold">
            仍需改派的预约
          </h2>
          <BookingsToReassign bookings={upcoming} />
        </section>
      )}
      {lawyer.active && (
        <section aria-labelledby="account-heading" className="space-y-3">
          <h2 id="account-heading" className="text-xl font-bold">
            登录账号
          </h2>
          <p>
            账号名：{lawyer.username ?? "无（这位律师没有登录账号）"}。也可以用公开电话 {lawyer.publicPhone} 登录。
          </p>
          {lawyer.username && <ResetLawyerPasswordForm lawyerId={lawyer.id} />}
        </section>
      )}
      {lawyer.active && (
        <section aria-labelledby="cards-heading" className="space-y-3">
          <h2 id="cards-heading" className="text-xl font-bold">
            通讯卡
          </h2>
          <p>名片大小的通讯卡，印有电话、服务的村、坐班时间和预约二维码，一张 A4 纸 10 张。</p>
          <Link href={`/staff/lawyers/${lawyer.id}/cards`} className={textLink}>
            打印通讯卡
          </Link>
        </section>
      )}
      <AttendanceSection
        month={month}
        attendances={attendances}
        missed={missed}
        recordedId={typeof recorded === "string" ? recorded : undefined}
      />
      <section aria-labelledby="profile-heading" className="space-y-3">
        <h2 id="profile-heading" className="text-xl font-bold">
          律师资料
        </h2>
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
      </section>
      {/* Always rendered, so that its answer stays on screen when the page refreshes after a deactivation. */}
      <section aria-labelledby="deactivate-heading" className="space-y-3">
        <h2 id="deactivate-heading" className="text-xl font-bold">
          停用
        </h2>
        <DeactivateLawyerForm lawyerId={lawyer.id} name={lawyer.name} active={lawyer.active} />
      </section>
    </div>
  );
}
