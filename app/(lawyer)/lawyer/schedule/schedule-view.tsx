import { textLink } from "@/components/form/styles";
import {
  AddExtraForm,
  AddLeaveForm,
  AddSessionForm,
  ChangeSessionForm,
  EndSessionForm,
  RemoveExceptionForm,
} from "@/components/schedule/schedule-forms";
import { Section } from "@/components/section";
import { MONTHLY_TARGET_HOURS } from "@/lib/schedule/hours";
import { hoursText } from "@/lib/schedule/impact";
import { type DutyCaller, type ExceptionView, getSchedule, PREVIEW_DAYS, type PreviewDay } from "@/lib/schedule/queries";
import { formatDate, formatMinute, formatTimeRange, weekdayName } from "@/lib/time";

function hoursNumber(hours: number): string {
  return String(Math.round(hours * 10) / 10);
}

function monthName(month: string): string {
  return `${Number(month.slice(5, 7))}月`;
}

function exceptionLabel(e: ExceptionView): string {
  const part = e.startMinute === null || e.endMinute === null ? "全天" : hoursText(e.startMinute, e.endMinute);
  const where = e.venue ? e.venue.name : "所有地点";
  return `${e.kind === "LEAVE" ? "请假" : "加班"} ${formatDate(e.date)} ${part} ${where}`;
}

/** Consecutive slots joined: "09:00–12:00". */
function ranges(day: PreviewDay): string {
  const parts: [Date, Date][] = [];
  for (const s of day.slots) {
    const last = parts.at(-1);
    if (last && last[1].getTime() === s.start.getTime()) last[1] = s.end;
    else parts.push([s.start, s.end]);
  }
  return parts.map(([a, b]) => `${formatTimeRange(a, b)}`).join("、");
}

/**
 * A lawyer's on-duty hours with every form to change them: the lawyer's own page, and the staff
 * page for a lawyer in the staff's town scope (the queries and mutations check that the caller may
 * act for `lawyerId`, and staff see and change only their town's venues).
 */
export async function ScheduleView({ caller, lawyerId, title }: { caller: DutyCaller; lawyerId: string; title: string }) {
  const schedule = await getSchedule(caller, lawyerId);
  if (!schedule) return <p>没有找到这位律师的资料，请联系司法所。</p>;
  const { lawyer, venues, sessions, exceptions, preview, hours, today } = schedule;
  const venueOptions = venues.map((v) => ({ id: v.id, name: v.name }));
  // The lawyer reads "您"; staff on the same page read the lawyer's name (issue 22 item 16).
  const own = !("kind" in caller) && caller.lawyerId === lawyer.id;
  const who = own ? "您" : `${lawyer.name}律师`;
  return (
    <div className="space-y-10">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p>
        村民只能预约{who}
        值班的时间。请假或修改值班时，如果已经有村民预约，系统会先列出这些预约，请逐个选择交给其他律师或取消，确认之后才会保存。
      </p>
      {/* The forms used most are far down the page, under the hours and the weekly sessions. */}
      <p className="flex flex-wrap gap-x-6">
        <a href="#leave" className={textLink}>
          请假
        </a>
        <a href="#extra" className={textLink}>
          加班
        </a>
      </p>

      <Section id="hours-title" title={`每月驻村时长（每村每月至少 ${MONTHLY_TARGET_HOURS} 小时）`} className="space-y-3">
        <p>“签到在场”按律师到达、离开时在“我的预约”页签到、签退的时间计算；忘了签退的，算到那次坐班结束。</p>
        {hours.length === 0 ? (
          <p>{who}没有负责的村（社区）工作室。</p>
        ) : (
          <ul className="space-y-2">
            {hours.map((h) => (
              <li key={`${h.month}-${h.venue.id}`} className="rounded-lg border-2 border-gray-300 px-3 py-2">
                <span className="font-semibold">
                  {monthName(h.month)} · {h.venue.village ?? h.venue.name}
                </span>
                ：签到在场 {hoursNumber(h.attended)} 小时（其中{who} {hoursNumber(h.mineAttended)} 小时），共安排{" "}
                {hoursNumber(h.total)} 小时（其中{who} {hoursNumber(h.mine)} 小时）。
                {/* Judged on hours served (lib/schedule/judgement.ts); a shortfall in the plan is said apart. */}
                {h.judgement.state === "met" ? (
                  <span>已达到 {MONTHLY_TARGET_HOURS} 小时。</span>
                ) : h.judgement.state === "short" || h.judgement.state === "in_progress" ? (
                  <strong className="text-red-800">
                    {h.judgement.state === "short" ? "未达到" : "还没达到"} {MONTHLY_TARGET_HOURS} 小时，签到在场还差{" "}
                    {hoursNumber(h.judgement.shortfall)} 小时。
                  </strong>
                ) : h.judgement.state === "before_service" ? (
                  <span>工作室还没开始服务，不计入。</span>
                ) : null}
                {h.shortfall > 0 && h.judgement.state !== "met" && (
                  <strong className="text-red-800"> 安排也还差 {hoursNumber(h.shortfall)} 小时。</strong>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="weekly-title" title="每周值班" className="space-y-4">
        {sessions.length === 0 && <p>{who}还没有每周值班时间。</p>}
        {sessions.map((s) => {
          const label = `${weekdayName(s.weekday)} ${hoursText(s.startMinute, s.endMinute)} ${s.venue.name}`;
          return (
            <article key={s.id} aria-label={label} className="space-y-2 rounded-lg border-2 border-gray-400 p-3">
              <h3 className="text-lg font-bold">
                {weekdayName(s.weekday)} {hoursText(s.startMinute, s.endMinute)}
              </h3>
              <p>{s.venue.name}</p>
              <p>
                {s.validFrom > today ? `从 ${formatDate(s.validFrom)} 开始` : "正在执行"}
                {s.validUntil ? `，最后一天 ${formatDate(s.validUntil)}` : "，长期"}
              </p>
              <ChangeSessionForm
                lawyerId={lawyer.id}
                today={today}
                session={{
                  id: s.id,
                  weekday: s.weekday,
                  start: formatMinute(s.startMinute),
                  end: formatMinute(s.endMinute),
                  label,
                }}
              />
              <EndSessionForm lawyerId={lawyer.id} session={{ id: s.id, label }} />
            </article>
          );
        })}
        <section aria-labelledby="add-session-title" className="space-y-3 rounded-lg bg-gray-50 p-3">
          <h3 id="add-session-title" className="text-lg font-bold">
            添加每周值班
          </h3>
          <AddSessionForm lawyerId={lawyer.id} venues={venueOptions} today={today} />
        </section>
      </Section>

      <Section id="exceptions-title" title="请假和加班" className="space-y-4">
        {exceptions.length === 0 ? (
          <p>今后没有请假或加班。</p>
        ) : (
          <ul className="space-y-3">
            {exceptions.map((e) => (
              <li key={e.id} className="space-y-2 rounded-lg border-2 border-gray-300 p-3">
                <p className="font-semibold">{exceptionLabel(e)}</p>
                {e.note && <p>说明：{e.note}</p>}
                <RemoveExceptionForm lawyerId={lawyer.id} exception={{ id: e.id, label: exceptionLabel(e) }} />
              </li>
            ))}
          </ul>
        )}
        <div id="leave" className="scroll-mt-4">
          <AddLeaveForm lawyerId={lawyer.id} venues={venueOptions} />
        </div>
        <div id="extra" className="scroll-mt-4">
          <AddExtraForm lawyerId={lawyer.id} venues={venueOptions} />
        </div>
      </Section>

      <Section id="preview-title" title={`今后 ${PREVIEW_DAYS} 天村民可以预约${who}的时间`} className="space-y-4">
        <p>按现在的值班、请假和加班计算，与村民在预约页面看到的一样（离现在太近的时间不能预约）。</p>
        {preview.map((p) => (
          <section key={p.venue.id} aria-labelledby={`preview-${p.venue.id}`} className="space-y-2">
            <h3 id={`preview-${p.venue.id}`} className="text-lg font-bold">
              {p.venue.name}
            </h3>
            {p.days.length === 0 ? (
              <p>这 {PREVIEW_DAYS} 天没有可预约的时间。</p>
            ) : (
              <ul className="space-y-1">
                {p.days.map((day) => {
                  const free = day.slots.filter((s) => s.free).length;
                  return (
                    <li key={day.date}>
                      <span className="font-semibold">{formatDate(day.date)}</span> {ranges(day)}：共 {day.slots.length} 个时段，
                      {free === day.slots.length ? "都可以预约" : `已约 ${day.slots.length - free} 个，还可约 ${free} 个`}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        ))}
      </Section>
    </div>
  );
}
