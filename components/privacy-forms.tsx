"use client";

// The privacy forms: a villager removing a booking's personal data (the last step, after the page
// that says what goes and what stays), and staff setting how long personal data is kept. Both work
// without JavaScript: the server action is the form's action.
import { ActionForm, dangerButton, SubmitButton, secondaryButton, TextField } from "@/components/form";
import { deleteOwnDataAction, saveRetentionAction } from "@/lib/privacy/actions";
import { CONSULTATION_MONTHS, REQUEST_MONTHS } from "@/lib/privacy/rules";
import type { RetentionSettings } from "@/lib/privacy/schema";

export function DeleteOwnDataForm({ code, backHref }: { code: string; backHref: string }) {
  return (
    <ActionForm action={deleteOwnDataAction} idPrefix="delete-data" label="删除我的个人信息" order={[]}>
      <input type="hidden" name="code" value={code} />
      <div className="flex flex-col gap-3 sm:flex-row">
        <SubmitButton pendingText="正在删除…" className={dangerButton}>
          确认删除我的个人信息
        </SubmitButton>
        <a href={backHref} className={secondaryButton}>
          不删除，返回
        </a>
      </div>
    </ActionForm>
  );
}

const number = { type: "number", inputMode: "numeric", className: "max-w-40" } as const;

export function RetentionForm({ settings }: { settings: RetentionSettings }) {
  return (
    <ActionForm action={saveRetentionAction} idPrefix="retention" label="保存期限">
      <TextField
        {...number}
        name="consultationMonths"
        label="预约和现场咨询记录：咨询后保存多少个月"
        hint={`${CONSULTATION_MONTHS.min} 到 ${CONSULTATION_MONTHS.max} 之间的整数；默认 ${CONSULTATION_MONTHS.default}（3 年）。至少 1 年，年底检查台账和工作日志时还能看到全年的记录。`}
        min={CONSULTATION_MONTHS.min}
        max={CONSULTATION_MONTHS.max}
        defaultValue={settings.consultationMonths}
      />
      <TextField
        {...number}
        name="callbackMonths"
        label="回电请求：提出后保存多少个月"
        hint={`${REQUEST_MONTHS.min} 到 ${REQUEST_MONTHS.max} 之间的整数；默认 ${REQUEST_MONTHS.default}。`}
        min={REQUEST_MONTHS.min}
        max={REQUEST_MONTHS.max}
        defaultValue={settings.callbackMonths}
      />
      <TextField
        {...number}
        name="waitlistMonths"
        label="过期的候补登记：保存多少个月"
        hint={`候补登记功能上线后使用。${REQUEST_MONTHS.min} 到 ${REQUEST_MONTHS.max} 之间的整数；默认 ${REQUEST_MONTHS.default}。`}
        min={REQUEST_MONTHS.min}
        max={REQUEST_MONTHS.max}
        defaultValue={settings.waitlistMonths}
      />
      <SubmitButton pendingText="正在保存…">保存设置</SubmitButton>
    </ActionForm>
  );
}
