"use client";

import { useActionState } from "react";
import { Field, inputClass } from "@/components/consultations/form-parts";
import {
  addExtraAction,
  addLeaveAction,
  addSessionAction,
  changeSessionAction,
  endSessionAction,
  removeExceptionAction,
  type ScheduleFormState,
} from "@/lib/schedule/actions";
import { WEEKDAYS } from "@/lib/schedule/schema";
import { weekdayName } from "@/lib/time";
import { ScheduleForm } from "./schedule-form";

export type VenueOption = { id: string; name: string };

/** What was typed before a refusal, else the default. */
function typed(state: ScheduleFormState) {
  const values = state && !state.ok ? (state.values ?? {}) : {};
  return (name: string, fallback = "") => values[name] ?? fallback;
}

function useSchedule(action: (state: ScheduleFormState, form: FormData) => Promise<ScheduleFormState>) {
  const [state, formAction, pending] = useActionState<ScheduleFormState, FormData>(action, null);
  return { state, action: formAction, pending, fields: state?.fields ?? {}, value: typed(state) };
}

function VenueSelect({
  id,
  venues,
  value,
  error,
  anywhere,
}: {
  id: string;
  venues: VenueOption[];
  value: string;
  error?: string;
  anywhere?: boolean;
}) {
  return (
    <Field id={id} label="地点" error={error}>
      {(props) => (
        // Keyed by the value: React applies a select's defaultValue only when it mounts, and resets the form after an action.
        <select {...props} key={value} name="venueId" defaultValue={value} className={inputClass}>
          {anywhere ? <option value="">所有地点</option> : <option value="">请选择</option>}
          {venues.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function WeekdaySelect({ id, value, error }: { id: string; value: string; error?: string }) {
  return (
    <Field id={id} label="星期几" error={error}>
      {(props) => (
        <select {...props} key={value} name="weekday" defaultValue={value} className={inputClass}>
          <option value="">请选择</option>
          {WEEKDAYS.map((d) => (
            <option key={d} value={d}>
              {weekdayName(d)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function TimeFields({
  prefix,
  value,
  fields,
}: {
  prefix: string;
  value: (name: string, fallback?: string) => string;
  fields: Record<string, string>;
}) {
  return (
    <div className="grid grid-cols-2 gap-3">
      <Field id={`${prefix}-start`} label="开始时间" hint="例如 09:00" error={fields.start}>
        {(props) => <input {...props} name="start" type="time" step={300} defaultValue={value("start")} className={inputClass} />}
      </Field>
      <Field id={`${prefix}-end`} label="结束时间" hint="例如 12:00" error={fields.end}>
        {(props) => <input {...props} name="end" type="time" step={300} defaultValue={value("end")} className={inputClass} />}
      </Field>
    </div>
  );
}

function DateField({
  id,
  name,
  label,
  hint,
  value,
  error,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  value: string;
  error?: string;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(props) => <input {...props} name={name} type="date" defaultValue={value} className={`${inputClass} max-w-60`} />}
    </Field>
  );
}

export function AddSessionForm({ lawyerId, venues, today }: { lawyerId: string; venues: VenueOption[]; today: string }) {
  const f = useSchedule(addSessionAction);
  return (
    <ScheduleForm {...f} lawyerId={lawyerId} submit="添加每周值班" title="添加每周值班">
      <VenueSelect id="session-venue" venues={venues} value={f.value("venueId")} error={f.fields.venueId} />
      <WeekdaySelect id="session-weekday" value={f.value("weekday")} error={f.fields.weekday} />
      <TimeFields prefix="session" value={f.value} fields={f.fields} />
      <DateField
        id="session-from"
        name="validFrom"
        label="从哪天开始"
        value={f.value("validFrom", today)}
        error={f.fields.validFrom}
      />
      <DateField
        id="session-until"
        name="validUntil"
        label="到哪天结束（选填）"
        hint="不填表示长期值班"
        value={f.value("validUntil")}
        error={f.fields.validUntil}
      />
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
  const f = useSchedule(changeSessionAction);
  const p = `change-${session.id}`;
  return (
    <ScheduleForm
      {...f}
      lawyerId={lawyerId}
      submit="保存修改"
      title={`修改：${session.label}`}
      summary={`修改：${session.label}`}
    >
      <input type="hidden" name="sessionId" value={session.id} />
      <WeekdaySelect id={`${p}-weekday`} value={f.value("weekday", String(session.weekday))} error={f.fields.weekday} />
      <TimeFields
        prefix={p}
        value={(name, fallback) => f.value(name, fallback ?? (name === "start" ? session.start : session.end))}
        fields={f.fields}
      />
      <DateField
        id={`${p}-from`}
        name="from"
        label="从哪天起按新时间"
        hint="之前的值班记录保持不变"
        value={f.value("from", today)}
        error={f.fields.from}
      />
    </ScheduleForm>
  );
}

export function EndSessionForm({ lawyerId, session }: { lawyerId: string; session: { id: string; label: string } }) {
  const f = useSchedule(endSessionAction);
  return (
    <ScheduleForm
      {...f}
      lawyerId={lawyerId}
      submit="停止这个值班"
      title={`停止：${session.label}`}
      summary={`停止：${session.label}`}
    >
      <input type="hidden" name="sessionId" value={session.id} />
      <DateField
        id={`end-${session.id}-last`}
        name="lastDate"
        label="最后一天"
        hint="这一天之后不再值班；之前的记录保留"
        value={f.value("lastDate")}
        error={f.fields.lastDate}
      />
    </ScheduleForm>
  );
}

export function AddLeaveForm({ lawyerId, venues }: { lawyerId: string; venues: VenueOption[] }) {
  const f = useSchedule(addLeaveAction);
  return (
    <ScheduleForm {...f} lawyerId={lawyerId} submit="提交请假" title="请假" summary="我要请假">
      <DateField id="leave-date" name="date" label="请假日期" value={f.value("date")} error={f.fields.date} />
      <VenueSelect id="leave-venue" venues={venues} value={f.value("venueId")} error={f.fields.venueId} anywhere />
      <label htmlFor="leave-whole-day" className="flex min-h-11 items-center gap-3">
        <input
          id="leave-whole-day"
          type="checkbox"
          name="wholeDay"
          defaultChecked={f.value("wholeDay") === "on"}
          className="h-6 w-6 shrink-0 accent-brand-700"
        />
        <span>全天（勾选后不用填时间）</span>
      </label>
      <TimeFields prefix="leave" value={f.value} fields={f.fields} />
      <Field id="leave-note" label="说明（选填，只有工作人员看到）" error={f.fields.note}>
        {(props) => <input {...props} name="note" maxLength={100} defaultValue={f.value("note")} className={inputClass} />}
      </Field>
    </ScheduleForm>
  );
}

export function AddExtraForm({ lawyerId, venues }: { lawyerId: string; venues: VenueOption[] }) {
  const f = useSchedule(addExtraAction);
  return (
    <ScheduleForm {...f} lawyerId={lawyerId} submit="添加加班" title="加班" summary="我要加班（某一天额外值班）">
      <DateField id="extra-date" name="date" label="日期" value={f.value("date")} error={f.fields.date} />
      <VenueSelect id="extra-venue" venues={venues} value={f.value("venueId")} error={f.fields.venueId} />
      <TimeFields prefix="extra" value={f.value} fields={f.fields} />
      <Field id="extra-note" label="说明（选填）" error={f.fields.note}>
        {(props) => <input {...props} name="note" maxLength={100} defaultValue={f.value("note")} className={inputClass} />}
      </Field>
    </ScheduleForm>
  );
}

export function RemoveExceptionForm({ lawyerId, exception }: { lawyerId: string; exception: { id: string; label: string } }) {
  const f = useSchedule(removeExceptionAction);
  return (
    <ScheduleForm {...f} lawyerId={lawyerId} submit={`撤销：${exception.label}`} title={`撤销：${exception.label}`}>
      <input type="hidden" name="exceptionId" value={exception.id} />
    </ScheduleForm>
  );
}
