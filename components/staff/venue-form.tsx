"use client";

import { useActionState } from "react";
import { Field, FormStatus, inputClass, primaryButton } from "@/components/consultations/form-parts";
import { updateVenueAction, type VenueFormState } from "@/lib/venues/actions";
import { HORIZON_DAYS, MIN_NOTICE_MAX, SLOT_MINUTES } from "@/lib/venues/schema";

export type VenueFormValues = {
  id: string;
  name: string;
  village: string | null;
  address: string;
  phone: string | null;
  openingNotes: string | null;
  slotMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  isDemonstration: boolean;
  active: boolean;
};

const checkboxClass = "h-6 w-6 shrink-0 accent-brand-700";

/** A venue's details; after a refusal the typed values stay (WCAG 3.3.7). */
export function VenueForm({ venue }: { venue: VenueFormValues }) {
  const [state, action, pending] = useActionState<VenueFormState, FormData>(updateVenueAction, null);
  const fields = state?.fields ?? {};
  const typed = state?.ok ? undefined : state?.values;
  const text = (name: keyof VenueFormValues) => typed?.[name] ?? String(venue[name] ?? "");
  const ticked = (name: "isDemonstration" | "active") => (typed ? typed[name] === "on" : venue[name]);
  // Keyed by the answer, so that after a save the inputs show what was stored.
  return (
    <form action={action} className="space-y-5" noValidate key={state?.ok ? state.message : "editing"}>
      <FormStatus state={state} />
      <input type="hidden" name="venueId" value={venue.id} />
      <Field id="venue-name" label="名称" error={fields.name}>
        {(props) => <input {...props} name="name" maxLength={60} defaultValue={text("name")} className={inputClass} />}
      </Field>
      <Field id="venue-village" label="所属村居（选填）" error={fields.village}>
        {(props) => <input {...props} name="village" maxLength={40} defaultValue={text("village")} className={inputClass} />}
      </Field>
      <Field id="venue-address" label="地址" hint="村民按这个地址找到地方，请写清楚。" error={fields.address}>
        {(props) => <input {...props} name="address" maxLength={200} defaultValue={text("address")} className={inputClass} />}
      </Field>
      <Field id="venue-phone" label="联系电话（选填）" hint="手机号码或带区号的固定电话，例如 0750-6123456" error={fields.phone}>
        {(props) => (
          <input {...props} name="phone" type="tel" inputMode="tel" defaultValue={text("phone")} className={inputClass} />
        )}
      </Field>
      <Field
        id="venue-notes"
        label="开放说明（选填）"
        hint="例如：逢周三下午律师坐班，节假日不开放。"
        error={fields.openingNotes}
      >
        {(props) => (
          <textarea
            {...props}
            name="openingNotes"
            rows={3}
            maxLength={300}
            defaultValue={text("openingNotes")}
            className={`${inputClass} py-2`}
          />
        )}
      </Field>
      <Field
        id="venue-slot"
        label="每个预约时段（分钟）"
        hint={`${SLOT_MINUTES.min} 到 ${SLOT_MINUTES.max} 之间的整数`}
        error={fields.slotMinutes}
      >
        {(props) => (
          <input
            {...props}
            name="slotMinutes"
            type="number"
            inputMode="numeric"
            min={SLOT_MINUTES.min}
            max={SLOT_MINUTES.max}
            defaultValue={text("slotMinutes")}
            className={`${inputClass} max-w-40`}
          />
        )}
      </Field>
      <Field
        id="venue-notice"
        label="最少提前多少分钟预约"
        hint="0 表示随时可约；120 表示至少提前 2 小时。"
        error={fields.minNoticeMinutes}
      >
        {(props) => (
          <input
            {...props}
            name="minNoticeMinutes"
            type="number"
            inputMode="numeric"
            min={0}
            max={MIN_NOTICE_MAX}
            defaultValue={text("minNoticeMinutes")}
            className={`${inputClass} max-w-40`}
          />
        )}
      </Field>
      <Field
        id="venue-horizon"
        label="最多提前多少天预约"
        hint={`${HORIZON_DAYS.min} 到 ${HORIZON_DAYS.max} 之间的整数，例如 28`}
        error={fields.horizonDays}
      >
        {(props) => (
          <input
            {...props}
            name="horizonDays"
            type="number"
            inputMode="numeric"
            min={HORIZON_DAYS.min}
            max={HORIZON_DAYS.max}
            defaultValue={text("horizonDays")}
            className={`${inputClass} max-w-40`}
          />
        )}
      </Field>
      <label className="flex min-h-11 items-center gap-3">
        <input type="checkbox" name="isDemonstration" defaultChecked={ticked("isDemonstration")} className={checkboxClass} />
        <span>示范点</span>
      </label>
      <div className="space-y-1">
        <label className="flex min-h-11 items-center gap-3">
          <input
            type="checkbox"
            name="active"
            defaultChecked={ticked("active")}
            aria-describedby="venue-active-hint"
            className={checkboxClass}
          />
          <span>接受预约（开放中）</span>
        </label>
        <p id="venue-active-hint" className="text-gray-700">
          取消勾选后，这个地点不再出现在预约页面，也不能新约；已有的预约和记录都会保留。
        </p>
      </div>
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? "正在保存…" : "保存服务地点"}
      </button>
    </form>
  );
}
