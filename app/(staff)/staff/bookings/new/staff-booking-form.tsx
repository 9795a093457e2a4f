"use client";

import { useActionState } from "react";
import { Field, FieldError, FormStatus, inputClass, primaryButton } from "@/components/consultations/form-parts";
import { CHANNELS, NOTE_MAX, PRIORITY_GROUPS } from "@/lib/booking/schema";
import { type StaffFormState, staffCreateBookingAction } from "@/lib/booking/staff-actions";

type Option = { value: string; label: string };

export function StaffBookingForm({
  venue,
  slots,
  topics,
  villages,
}: {
  venue: string;
  slots: Option[];
  topics: Option[];
  villages: string[];
}) {
  const [state, action, pending] = useActionState<StaffFormState, FormData>(staffCreateBookingAction, null);
  const fields = state?.fields ?? {};
  const v = (name: string, fallback = "") => state?.values?.[name] ?? fallback;
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="venue" value={venue} />
      <fieldset className="space-y-2" aria-describedby={fields.slot ? "slot-error" : undefined}>
        <legend className="font-semibold">时间和律师</legend>
        <FieldError id="slot-error" error={fields.slot} />
        {slots.map((slot) => (
          <label key={slot.value} className="flex min-h-11 items-center gap-3">
            <input
              type="radio"
              name="slot"
              value={slot.value}
              defaultChecked={v("slot") === slot.value}
              className="h-6 w-6 accent-brand-700"
            />
            {slot.label}
          </label>
        ))}
      </fieldset>
      <Field id="channel" label="预约来源" error={fields.channel}>
        {(p) => (
          <select {...p} name="channel" defaultValue={v("channel", "PHONE")} className={inputClass}>
            {Object.entries(CHANNELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="name" label="姓名" error={fields.name}>
        {(p) => <input {...p} name="name" autoComplete="off" defaultValue={v("name")} className={inputClass} />}
      </Field>
      <Field id="phone" label="联系电话" hint="手机号码或带区号的固定电话" error={fields.phone}>
        {(p) => <input {...p} name="phone" inputMode="tel" autoComplete="off" defaultValue={v("phone")} className={inputClass} />}
      </Field>
      <Field id="village" label="居住的村（社区）" error={fields.village}>
        {(p) => (
          <select {...p} name="village" defaultValue={v("village")} className={inputClass}>
            <option value="">不清楚 / 其他</option>
            {villages.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="topic" label="咨询事项" error={fields.topic}>
        {(p) => (
          <select {...p} name="topic" defaultValue={v("topic")} className={inputClass}>
            <option value="">请选择</option>
            {topics.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="description" label={`情况简述（选填，最多 ${NOTE_MAX} 字）`} error={fields.description}>
        {(p) => <textarea {...p} name="description" rows={3} defaultValue={v("description")} className={`${inputClass} py-2`} />}
      </Field>
      <Field id="priorityGroup" label="需要照顾的情况（选填）" error={fields.priorityGroup}>
        {(p) => (
          <select {...p} name="priorityGroup" defaultValue={v("priorityGroup")} className={inputClass}>
            <option value="">无</option>
            {Object.entries(PRIORITY_GROUPS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="onBehalfOfName"
        label="代为联系的人（选填）"
        hint="例如子女、社工、村干部的姓名"
        error={fields["onBehalfOf.name"]}
      >
        {(p) => <input {...p} name="onBehalfOfName" defaultValue={v("onBehalfOfName")} className={inputClass} />}
      </Field>
      <Field id="onBehalfOfRelation" label="与当事人的关系（选填）" error={fields["onBehalfOf.relation"]}>
        {(p) => <input {...p} name="onBehalfOfRelation" defaultValue={v("onBehalfOfRelation")} className={inputClass} />}
      </Field>
      <div className="space-y-1">
        <FieldError id="consent-error" error={fields.consent} />
        <label className="flex min-h-11 items-start gap-3">
          <input
            type="checkbox"
            name="consent"
            defaultChecked={v("consent") === "on"}
            aria-describedby={fields.consent ? "consent-error" : undefined}
            className="mt-1 h-6 w-6 shrink-0 accent-brand-700"
          />
          <span>已向当事人说明个人信息的用途和保存期限，当事人同意登记。</span>
        </label>
      </div>
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? "正在预约…" : "确认预约"}
      </button>
    </form>
  );
}
