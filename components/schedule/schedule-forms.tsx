"use client";

// The forms that change a lawyer's duty hours, on the lawyer's own page and on the staff page for
// any lawyer. Each control shows what was sent after a refusal (components/form).
import { CheckboxField, DateField, SelectField, TextField, useField } from "@/components/form";
import {
  addExtraAction,
  addLeaveAction,
  addSessionAction,
  changeSessionAction,
  endSessionAction,
  removeExceptionAction,
} from "@/lib/schedule/actions";
import { WEEKDAYS } from "@/lib/schedule/rules";
import { weekdayName } from "@/lib/time";
import { ScheduleForm } from "./schedule-form";

export type VenueOption = { id: string; name: string };

const WEEKDAY_OPTIONS = WEEKDAYS.map((d) => ({ value: String(d), label: weekdayName(d) }));

function VenueSelect({ venues, anywhere }: { venues: VenueOption[]; anywhere?: boolean }) {
  return (
    <SelectField
      name="venueId"
      label="地点"
      placeholder={anywhere ? "所有地点" : "请选择"}
      options={venues.map((v) => ({ value: v.id, label: v.name }))}
    />
  );
}

function WeekdaySelect({ defaultValue }: { defaultValue?: string }) {
  return <SelectField name="weekday" label="星期几" placeholder="请选择" options={WEEKDAY_OPTIONS} defaultValue={defaultValue} />;
}

function TimeFields({ start, end, night = false }: { start?: string; end?: string; night?: boolean }) {
  return (
    <>
      <div className="grid grid-cols-2 gap-3">
        <TextField name="start" label="开始时间" hint="例如 09:00" type="time" step={300} defaultValue={start} />
        <TextField name="end" label="结束时间" hint="例如 12:00" type="time" step={300} defaultValue={end} />
      </div>
      {night && <NightConfirm />}
    </>
  );
}

/**
 * Duty before 07:00 or after 21:00 is saved only when confirmed (lib/schedule/schema.ts): the box
 * appears once the server has asked for it, or when it was ticked.
 */
function NightConfirm() {
  const { error, submitted } = useField("nightConfirmed");
  if (!error && !submitted) return null;
  return <CheckboxField name="nightConfirmed" label="确认夜间值班（07:00 前或 21:00 后）" />;
}

export function AddSessionForm({ lawyerId, venues, today }: { lawyerId: string; venues: VenueOption[]; today: string }) {
  return (
    <ScheduleForm action={addSessionAction} idPrefix="session" lawyerId={lawyerId} submit="添加每周值班" title="添加每周值班">
      <VenueSelect venues={venues} />
      <WeekdaySelect />
      <TimeFields night />
      <DateField name="validFrom" label="从哪天开始" defaultValue={today} className="max-w-60" />
      <DateField name="validUntil" label="到哪天结束（选填）" hint="不填表示长期值班" className="max-w-60" />
    </ScheduleForm>
  );
}

export function ChangeSessionForm({
  lawyerId,
  session,
  today,
}: {
  lawyerId: string;
  session: { id: string; weekday: number; start: string; end: string; label: string };
  today: string;
}) {
  return (
    <ScheduleForm
      action={changeSessionAction}
      idPrefix={`change-${session.id}`}
      lawyerId={lawyerId}
      submit="保存修改"
      title={`修改：${session.label}`}
      summary={`修改：${session.label}`}
    >
      <input type="hidden" name="sessionId" value={session.id} />
      <WeekdaySelect defaultValue={String(session.weekday)} />
      <TimeFields start={session.start} end={session.end} night />
      <DateField name="from" label="从哪天起按新时间" hint="之前的值班记录保持不变" defaultValue={today} className="max-w-60" />
    </ScheduleForm>
  );
}

export function EndSessionForm({ lawyerId, session }: { lawyerId: string; session: { id: string; label: string } }) {
  return (
    <ScheduleForm
      action={endSessionAction}
      idPrefix={`end-${session.id}`}
      lawyerId={lawyerId}
      submit="停止这个值班"
      title={`停止：${session.label}`}
      summary={`停止：${session.label}`}
    >
      <input type="hidden" name="sessionId" value={session.id} />
      <DateField name="lastDate" label="最后一天" hint="这一天之后不再值班；之前的记录保留" className="max-w-60" />
    </ScheduleForm>
  );
}

export function AddLeaveForm({ lawyerId, venues }: { lawyerId: string; venues: VenueOption[] }) {
  return (
    <ScheduleForm action={addLeaveAction} idPrefix="leave" lawyerId={lawyerId} submit="提交请假" title="请假" summary="我要请假">
      <DateField name="date" label="请假日期" className="max-w-60" />
      <VenueSelect venues={venues} anywhere />
      <CheckboxField name="wholeDay" label="全天（勾选后不用填时间）" />
      <TimeFields />
      <TextField name="note" label="说明（选填，只有工作人员看到）" maxLength={100} />
    </ScheduleForm>
  );
}

export function AddExtraForm({ lawyerId, venues }: { lawyerId: string; venues: VenueOption[] }) {
  return (
    <ScheduleForm
      action={addExtraAction}
      idPrefix="extra"
      lawyerId={lawyerId}
      submit="添加加班"
      title="加班"
      summary="我要加班（某一天额外值班）"
    >
      <DateField name="date" label="日期" className="max-w-60" />
      <VenueSelect venues={venues} />
      <TimeFields night />
      <TextField name="note" label="说明（选填）" maxLength={100} />
    </ScheduleForm>
  );
}

export function RemoveExceptionForm({ lawyerId, exception }: { lawyerId: string; exception: { id: string; label: string } }) {
  return (
    <ScheduleForm
      action={removeExceptionAction}
      idPrefix={`remove-${exception.id}`}
      lawyerId={lawyerId}
      submit={`撤销：${exception.label}`}
      title={`撤销：${exception.label}`}
    >
      <input type="hidden" name="exceptionId" value={exception.id} />
    </ScheduleForm>
  );
}
