import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DetailsList } from "@/components/details-list";
import { PaperEvaluation } from "@/components/paper-evaluation";
import { Section } from "@/components/section";
import { TestBadge } from "@/components/test-badge";
import { requireTownScope } from "@/lib/auth/session";
import { listVenueSlots } from "@/lib/availability/queries";
import { openBookingForStaff } from "@/lib/booking/queries";
import { bookingCode } from "@/lib/booking/schema";
import { findEvaluation } from "@/lib/evaluations/queries";
import { CHANNELS, outcomeLabels, PRIORITY_GROUPS, STATUS_NAMES } from "@/lib/labels";
import { listFreeColleagues } from "@/lib/schedule/queries";
import { formatDate, formatTimeRange, toDateString } from "@/lib/time";
import { slotChoices, slotsByDate } from "../slot-options";
import { CancelForm, MoveForm, ReassignForm } from "./manage-forms";

export const metadata: Metadata = { title: "预约详情" };

export default async function StaffBookingPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ created?: string; moveDate?: string; done?: string }>;
}) {
  const parsedCode = bookingCode.safeParse((await params).code);
  const scope = await requireTownScope(`/staff/bookings/${(await params).code}`);
  if (!parsedCode.success) notFound();
  const booking = await openBookingForStaff(scope, parsedCode.data);
  if (!booking) notFound();
  const { created, moveDate, done } = await searchParams;
  const doneMessages: Record<string, string> = {
    moved: "已改期。原来的预约时间已重新开放。",
    cancelled: "预约已取消，这个时间已重新开放。",
    reassigned: `已改由 ${booking.lawyer.name} 律师接待，时间地点不变，已短信通知村民。`,
  };
  const doneMessage = done ? (doneMessages[done] ?? null) : null;
  const movable = booking.status === "confirmed" && booking.start > new Date();
  const free = movable ? await listVenueSlots(booking.venue.slug) : null;
  const byDate = free ? slotsByDate(free.slots) : new Map();
  const chosen = moveDate && byDate.has(moveDate) ? moveDate : undefined;
  const colleagues = movable ? await listFreeColleagues(await requireTownScope("/staff/bookings"), booking.code) : [];
  const rows: [string, string | null][] = [
    ["预约号", booking.code],
    ["状态", STATUS_NAMES[booking.status]],
    ["时间", `${formatDate(toDateString(booking.start))} ${formatTimeRange(booking.start, booking.end)}`],
    ["地点", `${booking.venue.name}（${booking.venue.address}）`],
    ["律师", booking.lawyer.name],
    ["姓名", booking.name],
    ["联系电话", booking.phone],
    ["居住村居", booking.village],
    ["咨询事项", booking.topic.name],
    ["情况简述", booking.description],
    ["代为联系", booking.onBehalfOf ? `${booking.onBehalfOf.name}（${booking.onBehalfOf.relation}）` : null],
    ["需要照顾", booking.priorityGroup ? PRIORITY_GROUPS[booking.priorityGroup as keyof typeof PRIORITY_GROUPS] : null],
    ["来源", CHANNELS[booking.channel as keyof typeof CHANNELS]],
    ["取消原因", booking.cancelReason],
    ["给村民的说明", booking.notice],
    ["服务结果", booking.outcomes.length ? outcomeLabels(booking.outcomes) : null],
    ["用时", booking.minutesSpent ? `${booking.minutesSpent} 分钟` : null],
    ["律师备注", booking.lawyerNote],
  ];
  return (
    <div className="space-y-6">
      <p>
        <Link href="/staff/bookings" className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
          ← 返回预约列表
        </Link>
      </p>
      {created && (
        <p role="status" className="rounded-lg border-2 border-green-700 bg-green-50 p-3">
          预约成功。请把预约号 {booking.code} 和时间地点告诉村民。
        </p>
      )}
      {doneMessage && (
        <p role="status" className="rounded-lg border-2 border-green-700 bg-green-50 p-3">
          {doneMessage}
        </p>
      )}
      <h1 className="text-2xl font-bold">
        预约 {booking.code}
        {booking.test && <TestBadge />}
      </h1>
      {booking.test && <p>这是测试接入方做的预约：不是真实村民，不计入任何统计和导出，短信只留在发件箱，不会发出。</p>}
      <p className="text-gray-700">查看个人信息已记入操作记录。</p>
      <DetailsList rows={rows.filter(([, value]) => value)} />
      {booking.status === "done" && (
        <PaperEvaluation
          target={{ kind: "booking", id: booking.id }}
          evaluation={await findEvaluation({ bookingId: booking.id })}
          now={new Date()}
        />
      )}
      {movable && (
        <>
          <Section id="move" title="改期" className="space-y-3 rounded-xl border-2 border-gray-300 p-4">
            {byDate.size === 0 ? (
              <p>这个地点近期没有其他空闲时间。</p>
            ) : (
              <ul className="flex flex-wrap gap-2" aria-label="选择新的日期">
                {[...byDate.entries()].map(([d, slots]) => (
                  <li key={d}>
                    <Link
                      href={`?moveDate=${d}#move`}
                      aria-current={d === chosen ? "date" : undefined}
                      className={`inline-flex min-h-11 items-center rounded-lg border-2 px-3 ${d === chosen ? "border-brand-700 bg-brand-700 text-white" : "border-brand-700 text-brand-800"}`}
                    >
                      {formatDate(d)}（{slots.length}）
                    </Link>
                  </li>
                ))}
              </ul>
            )}
            {chosen && <MoveForm code={booking.code} slots={slotChoices(byDate.get(chosen) ?? [])} />}
          </Section>
          <Section id="reassign" title="改由其他律师接待" className="space-y-3 rounded-xl border-2 border-gray-300 p-4">
            {colleagues.length === 0 ? (
              <p>这个时间没有其他有空的律师在这里值班。可以改期，或取消并说明原因。</p>
            ) : (
              <>
                <p>时间地点不变，只换律师。下面是这个时间在这里值班、又没有别的预约的律师。确认后会短信通知村民。</p>
                <ReassignForm code={booking.code} lawyers={colleagues.map((c) => ({ value: c.id, label: `${c.name} 律师` }))} />
              </>
            )}
          </Section>
          <Section id="cancel" title="取消预约" className="space-y-3 rounded-xl border-2 border-gray-300 p-4">
            <CancelForm code={booking.code} />
          </Section>
        </>
      )}
    </div>
  );
}
