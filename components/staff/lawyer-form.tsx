"use client";

import { useActionState } from "react";
import { Field, FieldError, FormStatus, inputClass, primaryButton } from "@/components/consultations/form-parts";
import { createLawyerAction, type LawyerFormState, updateLawyerAction } from "@/lib/lawyers/actions";
import { OneTimePassword } from "./one-time-password";

export type LawyerFormDefaults = {
  id: string;
  name: string;
  firm: string;
  publicPhone: string;
  specialties: string[];
  venues: { id: string; isAdviser: boolean }[];
};

type VenueOption = { id: string; name: string; active: boolean };

const checkboxClass = "h-6 w-6 shrink-0 accent-brand-700";

/** Adds a lawyer with a sign-in account, or (given `lawyer`) corrects their profile. */
export function LawyerForm({ venues, lawyer }: { venues: VenueOption[]; lawyer?: LawyerFormDefaults }) {
  const [state, action, pending] = useActionState<LawyerFormState, FormData>(
    lawyer ? updateLawyerAction : createLawyerAction,
    null,
  );
  const fields = state?.fields ?? {};
  const typed = state?.ok ? undefined : state?.values;
  const text = (name: string, fallback = "") => {
    const v = typed?.[name];
    return typeof v === "string" ? v : fallback;
  };
  const list = (name: "venues" | "advises", fallback: string[]) => {
    const v = typed?.[name];
    return Array.isArray(v) ? v : fallback;
  };
  const served = list(
    "venues",
    (lawyer?.venues ?? []).map((v) => v.id),
  );
  const advised = list(
    "advises",
    (lawyer?.venues ?? []).filter((v) => v.isAdviser).map((v) => v.id),
  );
  const prefix = lawyer ? "edit" : "new";
  // A fresh form after a save: a new lawyer's form is empty again, an edited one shows what was stored.
  const round = state?.ok ? state.message : "editing";
  return (
    <div className="space-y-5">
      {state?.issued && <OneTimePassword {...state.issued} />}
      <form action={action} className="space-y-5" noValidate key={round}>
        <FormStatus state={state} />
        {lawyer && <input type="hidden" name="lawyerId" value={lawyer.id} />}
        <Field id={`${prefix}-lawyer-name`} label="律师姓名" error={fields.name}>
          {(props) => (
            <input {...props} name="name" maxLength={40} defaultValue={text("name", lawyer?.name)} className={inputClass} />
          )}
        </Field>
        <Field id={`${prefix}-lawyer-firm`} label="律师事务所" error={fields.firm}>
          {(props) => (
            <input {...props} name="firm" maxLength={60} defaultValue={text("firm", lawyer?.firm)} className={inputClass} />
          )}
        </Field>
        <Field
          id={`${prefix}-lawyer-phone`}
          label="公开电话"
          hint="印在联系卡上给村民的电话；律师也可以用它登录。"
          error={fields.publicPhone}
        >
          {(props) => (
            <input
              {...props}
              name="publicPhone"
              type="tel"
              inputMode="tel"
              defaultValue={text("publicPhone", lawyer?.publicPhone)}
              className={inputClass}
            />
          )}
        </Field>
        <Field
          id={`${prefix}-lawyer-specialties`}
          label="擅长领域（选填）"
          hint="用逗号或换行分开，例如：婚姻家庭，劳动争议"
          error={fields.specialties}
        >
          {(props) => (
            <textarea
              {...props}
              name="specialties"
              rows={2}
              defaultValue={text("specialties", lawyer?.specialties.join("，"))}
              className={`${inputClass} py-2`}
            />
          )}
        </Field>
        <fieldset
          className="space-y-2"
          aria-describedby={`${prefix}-venues-hint${fields.venues ? ` ${prefix}-venues-error` : ""}`}
        >
          <legend className="font-semibold">服务地点</legend>
          <p id={`${prefix}-venues-hint`} className="text-gray-700">
            勾选律师坐班的地点；担任该村（社区）法律顾问的，再勾选“担任法律顾问”。
          </p>
          <FieldError id={`${prefix}-venues-error`} error={fields.venues} />
          <ul className="divide-y-2 divide-gray-200 rounded-lg border-2 border-gray-300">
            {venues.map((venue) => (
              <li key={venue.id} className="px-3 py-2">
                <fieldset>
                  <legend className="font-semibold">
                    {venue.name}
                    {venue.active ? "" : "（已停用）"}
                  </legend>
                  <div className="flex flex-wrap gap-x-6">
                    <label className="flex min-h-11 items-center gap-3">
                      <input
                        type="checkbox"
                        name="venues"
                        value={venue.id}
                        defaultChecked={served.includes(venue.id)}
                        className={checkboxClass}
                      />
                      <span>在此服务</span>
                    </label>
                    <label className="flex min-h-11 items-center gap-3">
                      <input
                        type="checkbox"
                        name="advises"
                        value={venue.id}
                        defaultChecked={advised.includes(venue.id)}
                        className={checkboxClass}
                      />
                      <span>担任法律顾问</span>
                    </label>
                  </div>
                </fieldset>
              </li>
            ))}
          </ul>
        </fieldset>
        {!lawyer && (
          <Field
            id="new-lawyer-username"
            label="登录账号名（选填）"
            hint="不填则用公开电话作为账号名。可用英文字母、数字或 . _ -"
            error={fields.username}
          >
            {(props) => (
              <input
                {...props}
                name="username"
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                maxLength={40}
                defaultValue={text("username")}
                className={inputClass}
              />
            )}
          </Field>
        )}
        <button type="submit" disabled={pending} className={primaryButton}>
          {pending ? "正在保存…" : lawyer ? "保存律师资料" : "添加律师并生成密码"}
        </button>
      </form>
    </div>
  );
}
