"use client";

// The two steps every change to duty hours shares: fill in the change, then (only when it removes
// booked time) choose for each booking. Works without JavaScript: the first step's values travel
// as hidden fields, and the step is the name of the button pressed.
import type { ReactNode } from "react";
import { ActionForm, RadioGroup, SubmitButton, secondaryButton, TextField } from "@/components/form";
import { type FormState, textOf } from "@/lib/form-values";
import type { ScheduleData } from "@/lib/schedule/actions";
import type { AffectedBooking } from "@/lib/schedule/schema";
import { formatDate, formatTimeRange, toDateString } from "@/lib/time";

/** Fields of the confirm step itself, or rendered by the form anyway: never carried over as hidden. */
const NOT_CARRIED = /^(step|bookingIds|lawyerId|choice-.*|reason-.*)$/;

export function ScheduleForm({
  action,
  idPrefix,
  lawyerId,
  submit,
  title,
  summary,
  children,
}: {
  action: (state: FormState<ScheduleData>, form: FormData) => Promise<FormState<ScheduleData>>;
  idPrefix: string;
  lawyerId: string;
  submit: string;
  /** The form's accessible name. */
  title: string;
  /** When given, the fields fold away under this label until opened (or until the form has something to say). */
  summary?: string;
  children: ReactNode;
}) {
  return (
    <ActionForm action={action} idPrefix={idPrefix} label={title} className="space-y-4">
      {(state) => {
        const steps = (
          <div className="space-y-4">
            <input type="hidden" name="lawyerId" value={lawyerId} />
            {state?.data?.step === "confirm" ? (
              <ChoiceStep state={state} affected={state.data.affected} />
            ) : (
              <>
                {children}
                <SubmitButton pendingText="正在保存…">{submit}</SubmitButton>
              </>
            )}
          </div>
        );
        if (!summary) return steps;
        return (
          <details open={Boolean(state && (!state.ok || state.message))} className="rounded-lg border-2 border-gray-300 p-3">
            <summary className="flex min-h-11 cursor-pointer items-center font-semibold text-brand-800">{summary}</summary>
            <div className="pt-3">{steps}</div>
          </details>
        );
      }}
    </ActionForm>
  );
}

/**
 * The second step: the first step's values, hidden, and a choice for each booking. Also the
 * second step of deactivating a lawyer (components/staff), with its own button labels.
 */
export function ChoiceStep({
  state,
  affected,
  confirm = "确认修改并通知村民",
  back = "返回修改",
  confirmClassName,
}: {
  state: NonNullable<FormState<ScheduleData>>;
  affected: AffectedBooking[];
  confirm?: string;
  back?: string;
  confirmClassName?: string;
}) {
  return (
    <>
      {Object.keys(state.values)
        .filter((name) => !NOT_CARRIED.test(name))
        .map((name) => (
          <input key={name} type="hidden" name={name} value={textOf(state.values, name)} />
        ))}
      <div className="space-y-4">
        <input type="hidden" name="bookingIds" value={affected.map((b) => b.id).join(",")} />
        <p className="font-semibold">受影响的预约（{affected.length} 个）：</p>
        {affected.map((b) => (
          <ImpactChoice key={b.id} booking={b} />
        ))}
      </div>
      <div className="flex flex-col gap-3 sm:flex-row">
        <SubmitButton name="step" value="confirm" pendingText="正在保存…" className={confirmClassName}>
          {confirm}
        </SubmitButton>
        <SubmitButton name="step" value="edit" pendingText="正在返回…" className={secondaryButton}>
          {back}
        </SubmitButton>
      </div>
    </>
  );
}

function when(b: AffectedBooking) {
  const start = new Date(b.start);
  return `${formatDate(toDateString(start))} ${formatTimeRange(start, new Date(b.end))}`;
}

/** One booking the change takes away: hand it to a free colleague, move it to another free time there, or cancel it with a reason. */
function ImpactChoice({ booking: b }: { booking: AffectedBooking }) {
  const options = [
    ...b.colleagues.map((c) => ({ value: `lawyer:${c.id}`, label: `交给 ${c.name} 律师接待（时间地点不变）` })),
    ...b.moves.map((m) => {
      const start = new Date(m.start);
      return {
        value: `move:${m.lawyerId}:${start.getTime()}`,
        label: `改到 ${formatDate(toDateString(start))} ${formatTimeRange(start, new Date(m.end))}，由 ${m.lawyerName} 律师接待`,
      };
    }),
    { value: "cancel", label: "取消这个预约" },
  ];
  return (
    <fieldset className="space-y-2 rounded-lg border-2 border-gray-400 p-3">
      <legend className="px-1 font-bold">
        {when(b)} · {b.name}
      </legend>
      <p>
        {b.venue.name} · 电话 {b.phone} · {b.topic} · 预约号 {b.code}
      </p>
      {b.colleagues.length === 0 && (
        <p>
          {b.moves.length > 0
            ? "这个时间没有其他有空的律师在这里值班。可以改到下面的其他时间（会发短信告诉村民），或取消。"
            : "这个时间没有其他有空的律师在这里值班，近两周这里也没有其他空闲时间，只能取消。"}
        </p>
      )}
      <RadioGroup name={`choice-${b.id}`} legend="怎样处理这个预约" options={options} />
      <TextField name={`reason-${b.id}`} label="取消的原因（选择取消时必填，会告诉村民）" maxLength={200} />
    </fieldset>
  );
}
