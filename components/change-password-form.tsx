"use client";

import { ActionForm, Field, inputClass, SubmitButton } from "@/components/form";
import { changePassword } from "@/lib/auth/actions";

const FIELDS = [
  { name: "current", label: "现在的密码", autoComplete: "current-password" },
  { name: "next", label: "新密码", autoComplete: "new-password", hint: "至少 10 个字符，包含字母、数字、符号中的至少两种。" },
  { name: "confirm", label: "再输入一次新密码", autoComplete: "new-password" },
] as const;

export function ChangePasswordForm() {
  return (
    <ActionForm action={changePassword} idPrefix="password" label="修改密码" order={FIELDS.map((field) => field.name)}>
      {FIELDS.map((field) => (
        <Field key={field.name} name={field.name} label={field.label} hint={"hint" in field ? field.hint : undefined}>
          {/* A password is never shown again: after a refusal it is typed afresh. */}
          {(props) => (
            <input {...props} name={field.name} type="password" autoComplete={field.autoComplete} className={inputClass} />
          )}
        </Field>
      ))}
      <SubmitButton pendingText="正在保存…">修改密码</SubmitButton>
    </ActionForm>
  );
}
