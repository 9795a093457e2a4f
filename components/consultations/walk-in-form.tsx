"use client";

import { useActionState } from "react";
import { PRIORITY_GROUPS } from "@/lib/booking/schema";
import { type FormState, recordWalkInAction } from "@/lib/consultations/actions";
import { LAWYER_NOTE_MAX, MINUTES_MAX } from "@/lib/consultations/schema";
import { Field, FormStatus, inputClass, OutcomeFields, primaryButton } from "./form-parts";

type Option = { value: string; label: string };

/** A consultation with someone who came without a booking. */
export function WalkInForm({
  venues,
  topics,
  lawyers,
  defaults,
}: {
  venues: Option[];
  topics: Option[];
  /** Staff record for a lawyer they choose; a lawyer's own records need no choice. */
  lawyers?: Option[];
  defaults: { date: string; time: string; venueId?: string };
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(recordWalkInAction, null);
  const fields = state?.fields ?? {};
  const typed = state?.ok ? undefined : state?.values;
  const value = (name: string, fallback = "") => {
    const v = typed?.[name];
    return typeof v === "string" ? v : fallback;
  };
  // After a save the form starts afresh (new keys), ready for the next person.
  const round = state?.ok ? state.message : "";
  return (
    <form action={action} className="space-y-5" noValidate key={round}>
      <FormStatus state={state} />
      {lawyers && (
        <Field id="walk-in-lawyer" label="接待律师" error={fields.lawyerId}>
          {(props) => (
            <select {...props} name="lawyerId" defaultValue={value("lawyerId")} className={inputClass}>
              <option value="">请选择</option>
              {lawyers.map((l) => (
                <option key={l.value} value={l.value}>
                  {l.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field id="walk-in-venue" label="服务地点" error={fields.venueId}>
        {(props) => (
          <select
            {...props}
            name="venueId"
            defaultValue={value("venueId", defaults.venueId ?? venues[0]?.value)}
            className={inputClass}
          >
            {venues.map((v) => (
              <option key={v.value} value={v.value}>
                {v.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="walk-in-date" label="日期" hint="例如 2026-12-01" error={fields.date}>
          {(props) => (
            <input {...props} name="date" type="date" defaultValue={value("date", defaults.date)} className={inputClass} />
          )}
        </Field>
        <Field id="walk-in-time" label="开始时间" hint="例如 09:30" error={fields.time}>
          {(props) => (
            <input {...props} name="time" type="time" defaultValue={value("time", defaults.time)} className={inputClass} />
          )}
        </Field>
      </div>
      <Field id="walk-in-name" label="服务对象姓名" error={fields.name}>
        {(props) => (
          <input {...props} name="name" autoComplete="off" maxLength={40} defaultValue={value("name")} className={inputClass} />
        )}
      </Field>
      <Field id="walk-in-phone" label="联系电话（选填）" hint="手机号码或带区号的固定电话" error={fields.phone}>
        {(props) => (
          <input
            {...props}
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="off"
            defaultValue={value("phone")}
            className={inputClass}
          />
        )}
      </Field>
      <Field id="walk-in-village" label="村居（选填）" hint="服务对象所在的村或社区" error={fields.village}>
        {(props) => <input {...props} name="village" maxLength={40} defaultValue={value("village")} className={inputClass} />}
      </Field>
      <Field id="walk-in-topic" label="咨询事项" error={fields.topic}>
        {(props) => (
          <select {...props} name="topic" defaultValue={value("topic")} className={inputClass}>
            <option value="" disabled>
              请选择
            </option>
            {topics.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="walk-in-priority" label="重点服务对象（选填）" error={fields.priorityGroup}>
        {(props) => (
          <select {...props} name="priorityGroup" defaultValue={value("priorityGroup")} className={inputClass}>
            <option value="">不属于 / 未询问</option>
            {Object.entries(PRIORITY_GROUPS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <OutcomeFields idPrefix="walk-in" error={fields.outcomes} checked={[typed?.outcomes ?? []].flat()} />
      <Field
        id="walk-in-minutes"
        label="用时（分钟）"
        hint={`填写整数，例如 30；最多 ${MINUTES_MAX}。`}
        error={fields.minutesSpent}
      >
        {(props) => (
          <input
            {...props}
            name="minutesSpent"
            type="number"
            inputMode="numeric"
            min={1}
            max={MINUTES_MAX}
            defaultValue={value("minutesSpent")}
            className={`${inputClass} max-w-40`}
          />
        )}
      </Field>
      <Field id="walk-in-note" label="律师备注（选填，仅您本人和司法所可见）" error={fields.lawyerNote}>
        {(props) => (
          <textarea
            {...props}
            name="lawyerNote"
            rows={3}
            maxLength={LAWYER_NOTE_MAX}
            defaultValue={value("lawyerNote")}
            className={`${inputClass} py-2`}
          />
        )}
      </Field>
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? "正在保存…" : "保存现场咨询记录"}
      </button>
    </form>
  );
}
