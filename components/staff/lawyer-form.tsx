"use client";

import { ActionForm, FieldError, SubmitButton, TextareaField, TextField, useField } from "@/components/form";
import { createLawyerAction, updateLawyerAction } from "@/lib/lawyers/actions";
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

/** Adds a lawyer with a sign-in account; the one-time password is shown once, in the result above the emptied form. */
export function NewLawyerForm({ venues }: { venues: VenueOption[] }) {
  return (
    <ActionForm
      action={createLawyerAction}
      idPrefix="new-lawyer"
      label="添加律师"
      result={(data) => data && <OneTimePassword {...data.issued} />}
    >
      <LawyerFields venues={venues} />
      <TextField
        name="username"
        label="登录账号名（选填）"
        hint="不填则用公开电话作为账号名。可用英文字母、数字或 . _ -"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={40}
      />
      <SubmitButton pendingText="正在保存…">添加律师并生成密码</SubmitButton>
    </ActionForm>
  );
}

/** Corrects a lawyer's profile; after a save the controls show what was stored. */
export function EditLawyerForm({ venues, lawyer }: { venues: VenueOption[]; lawyer: LawyerFormDefaults }) {
  return (
    <ActionForm action={updateLawyerAction} idPrefix="edit-lawyer" label="律师信息">
      <input type="hidden" name="lawyerId" value={lawyer.id} />
      <LawyerFields venues={venues} lawyer={lawyer} />
      <SubmitButton pendingText="正在保存…">保存律师资料</SubmitButton>
    </ActionForm>
  );
}

function LawyerFields({ venues, lawyer }: { venues: VenueOption[]; lawyer?: LawyerFormDefaults }) {
  return (
    <>
      <TextField name="name" label="律师姓名" maxLength={40} defaultValue={lawyer?.name} />
      <TextField name="firm" label="律师事务所" maxLength={60} defaultValue={lawyer?.firm} />
      <TextField
        name="publicPhone"
        label="公开电话"
        hint="印在联系卡上给村民的电话；律师也可以用它登录。"
        type="tel"
        inputMode="tel"
        defaultValue={lawyer?.publicPhone}
      />
      <TextareaField
        name="specialties"
        label="擅长领域（选填）"
        hint="用逗号或换行分开，例如：婚姻家庭，劳动争议"
        rows={2}
        maxLength={400}
        defaultValue={lawyer?.specialties.join("，")}
      />
      <VenueChoices
        venues={venues}
        served={(lawyer?.venues ?? []).map((v) => v.id)}
        advised={(lawyer?.venues ?? []).filter((v) => v.isAdviser).map((v) => v.id)}
      />
    </>
  );
}

/**
 * Two checkboxes per venue (serves there, advises the village), grouped by venue so each pair is
 * read with the venue's name. Ticked as submitted after a refusal, else as stored.
 */
function VenueChoices({ venues, served, advised }: { venues: VenueOption[]; served: string[]; advised: string[] }) {
  const serves = useField("venues");
  const advises = useField("advises");
  const chosen = (submitted: string | string[] | undefined, stored: string[]) =>
    submitted === undefined ? stored : [submitted].flat().filter(Boolean);
  const servedNow = chosen(serves.submitted, served);
  const advisedNow = chosen(advises.submitted, advised);
  const error = serves.error ?? advises.error;
  const described = [`${serves.id}-hint`, error && `${serves.id}-error`].filter(Boolean).join(" ");
  return (
    <fieldset className="space-y-2" aria-describedby={described}>
      <legend className="font-semibold">服务地点</legend>
      <p id={`${serves.id}-hint`} className="text-gray-700">
        勾选律师坐班的地点；担任该村（社区）法律顾问的，再勾选“担任法律顾问”。
      </p>
      <FieldError id={`${serves.id}-error`} error={error} />
      <ul className="divide-y-2 divide-gray-200 rounded-lg border-2 border-gray-300">
        {venues.map((venue, index) => (
          <li key={venue.id} className="px-3 py-2">
            <fieldset>
              <legend className="font-semibold">
                {venue.name}
                {venue.active ? "" : "（已停用）"}
              </legend>
              <div className="flex flex-wrap gap-x-6">
                {(
                  [
                    [serves.id, "venues", servedNow, "在此服务"],
                    [advises.id, "advises", advisedNow, "担任法律顾问"],
                  ] as const
                ).map(([id, name, checked, label]) => (
                  <label key={name} className="flex min-h-12 cursor-pointer items-center gap-3">
                    <input
                      // The first boxes carry the lists' ids, so the error summary's links land in the group.
                      id={index === 0 ? id : undefined}
                      type="checkbox"
                      name={name}
                      value={venue.id}
                      defaultChecked={checked.includes(venue.id)}
                      className="h-7 w-7 shrink-0 accent-brand-700"
                    />
                    <span>{label}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
