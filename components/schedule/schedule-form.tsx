"use client";

// The two steps every change to duty hours shares: fill in the change, then (only when it removes
// booked time) choose for each booking. Works without JavaScript: the first step's values travel
// as hidden fields, and the step is the name of the button pressed.
import type { ReactNode } from "react";
import { FieldError, FormStatus, primaryButton, secondaryButton } from "@/components/consultations/form-parts";
import type { ScheduleFormState } from "@/lib/schedule/actions";
import type { AffectedBooking } from "@/lib/schedule/schema";
import { formatDate, formatTime, toDateString } from "@/lib/time";

const NOT_CARRIED = /^(step|bookingIds|lawyerId|choice-.*|reason-.*)$/;

export function ScheduleForm({
  state,
  action,
  pending,
  lawyerId,
  submit,
  title,
  summary,
  children,
}: {
  state: ScheduleFormState;
  action: (form: FormData) => void;
  pending: boolean;
  lawyerId: string;
  submit: string;
  /** The form's accessible name. */
  title: string;
  /** When given, the form folds away under this label until opened (or until it has something to say). */
  summary?: string;
  children: ReactNode;
}) {
  const confirming = state?.step === "confirm" && state.affected;
  const form = (
    // A fresh form after a success, so the fields empty themselves.
    <form action={action} aria-label={title} className="space-y-4" noValidate key={state?.ok ? state.message : "editing"}>
      <FormStatus state={state?.message ? state : null} />
      <input type="hidden" name="lawyerId" value={lawyerId} />
      {confirming ? (
        <>
          {Object.entries(state.values ?? {})
            .filter(([name]) => !NOT_CARRIED.test(name))
            .map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
          <ImpactChoices affected={state.affected ?? []} fields={state.fields ?? {}} values={state.values ?? {}} />
          <div className="flex flex-col gap-3 sm:flex-row">
            <button type="submit" name="step" value="confirm" disabled={pending} className={primaryButton}>
              {pending ? "正在保存…" : "确认修改并通知村民"}
            </button>
            <button type="submit" name="step" value="edit" disabled={pending} className={secondaryButton}>
              返回修改
            </button>
          </div>
        </>
      ) : (
        <>
          {children}
          <button type="submit" disabled={pending} className={primaryButton}>
            {pending ? "正在保存…" : submit}
          </button>
        </>
      )}
    </form>
  );
  if (!summary) return form;
  return (
    <details open={Boolean(state && (!state.ok || state.message))} className="rounded-lg border-2 border-gray-300 p-3">
      <summary className="flex min-h-11 cursor-pointer items-center font-semibold text-brand-800">{summary}</summary>
      <div className="pt-3">{form}</div>
    </details>
  );
}

function when(b: AffectedBooking) {
  const start = new Date(b.start);
  return `${formatDate(toDateString(start))} ${formatTime(start)}–${formatTime(new Date(b.end))}`;
}

/** For each booking the change takes away: hand it to a free colleague, or cancel it with a reason. */
function ImpactChoices({
  affected,
  fields,
  values,
}: {
  affected: AffectedBooking[];
  fields: Record<string, string>;
  values: Record<string, string>;
}) {
  return (
    <div className="space-y-4">
      <input type="hidden" name="bookingIds" value={affected.map((b) => b.id).join(",")} />
      <p className="font-semibold">受影响的预约（{affected.length} 个）：</p>
      {affected.map((b) => {
        const choiceError = fields[`choice-${b.id}`];
        const reasonError = fields[`reason-${b.id}`];
        const picked = values[`choice-${b.id}`];
        return (
          <fieldset
            key={b.id}
            className="space-y-2 rounded-lg border-2 border-gray-400 p-3"
            aria-describedby={choiceError ? `choice-${b.id}-error` : undefined}
          >
            <legend className="px-1 font-bold">
              {when(b)} · {b.name}
            </legend>
            <p>
              {b.venue.name} · 电话 {b.phone} · {b.topic} · 预约号 {b.code}
            </p>
            <FieldError id={`choice-${b.id}-error`} error={choiceError} />
            {b.colleagues.length === 0 && <p>这个时间没有其他有空的律师在这里值班，只能取消。</p>}
            {b.colleagues.map((c) => (
              <label key={c.id} className="flex min-h-11 items-center gap-3">
                <input
                  type="radio"
                  name={`choice-${b.id}`}
                  value={`lawyer:${c.id}`}
                  defaultChecked={picked === `lawyer:${c.id}`}
                  className="h-6 w-6 shrink-0 accent-brand-700"
                />
                <span>交给 {c.name} 律师接待（时间地点不变）</span>
              </label>
            ))}
            <label className="flex min-h-11 items-center gap-3">
              <input
                type="radio"
                name={`choice-${b.id}`}
                value="cancel"
                defaultChecked={picked === "cancel"}
                className="h-6 w-6 shrink-0 accent-brand-700"
              />
              <span>取消这个预约</span>
            </label>
            <div className="space-y-1">
              <label htmlFor={`reason-${b.id}`} className="block font-semibold">
                取消的原因（选择取消时必填，会告诉村民）
              </label>
              <FieldError id={`reason-${b.id}-error`} error={reasonError} />
              <input
                id={`reason-${b.id}`}
                name={`reason-${b.id}`}
                maxLength={200}
                defaultValue={values[`reason-${b.id}`]}
                aria-invalid={Boolean(reasonError)}
                aria-describedby={reasonError ? `reason-${b.id}-error` : undefined}
                className="min-h-12 w-full rounded-lg border-2 border-gray-500 bg-white px-3 text-lg"
              />
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}
