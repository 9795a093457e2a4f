"use client";

import { ActionForm, DateField, RadioGroup, SubmitButton, secondaryButton, TextField } from "@/components/form";
import { addOverrideAction, removeOverrideAction } from "@/lib/holidays/actions";
import { OVERRIDE_KINDS } from "@/lib/holidays/rules";
import { optionsOf } from "@/lib/labels";

/** Marks a date as a holiday or a working day, whatever the published calendar says. */
export function AddOverrideForm() {
  return (
    <ActionForm action={addOverrideAction} idPrefix="override" label="添加节假日调整">
      <DateField name="date" label="日期" hint="例如 2026-10-09" className="max-w-60" />
      <RadioGroup name="kind" legend="这一天" options={optionsOf(OVERRIDE_KINDS)} />
      <TextField name="note" label="说明（选填）" hint="例如：台风停工、镇里统一安排" maxLength={100} />
      <SubmitButton pendingText="正在添加…">添加调整</SubmitButton>
    </ActionForm>
  );
}

export function RemoveOverrideForm({ id, label }: { id: string; label: string }) {
  return (
    <ActionForm
      action={removeOverrideAction}
      idPrefix={`remove-${id}`}
      label={`撤销调整：${label}`}
      order={[]}
      className="space-y-2"
    >
      <input type="hidden" name="id" value={id} />
      <SubmitButton pendingText="正在删除…" className={secondaryButton}>
        {/* The whole name for screen readers, which begins with the visible word (WCAG 2.5.3). */}
        <span aria-hidden="true">删除</span>
        <span className="sr-only">删除调整：{label}</span>
      </SubmitButton>
    </ActionForm>
  );
}
