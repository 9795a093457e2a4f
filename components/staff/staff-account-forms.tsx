"use client";

import { useActionState } from "react";
import { Field, FormStatus, inputClass, primaryButton, secondaryButton } from "@/components/consultations/form-parts";
import {
  type AccountFormState,
  createStaffAccountAction,
  deactivateStaffAccountAction,
  resetStaffPasswordAction,
} from "@/lib/accounts/actions";
import { STAFF_ROLES } from "@/lib/accounts/schema";
import { dangerButton } from "./lawyer-account-forms";
import { OneTimePassword } from "./one-time-password";

/** A new staff or administrator account (administrators only; the server checks again). */
export function CreateStaffAccountForm() {
  const [state, action, pending] = useActionState<AccountFormState, FormData>(createStaffAccountAction, null);
  const fields = state?.fields ?? {};
  const typed = state?.ok ? undefined : state?.values;
  return (
    <div className="space-y-5">
      {state?.issued && <OneTimePassword {...state.issued} />}
      <form action={action} className="space-y-5" noValidate key={state?.ok ? state.message : "editing"}>
        <FormStatus state={state} />
        <Field id="account-username" label="登录账号名" hint="英文字母、数字或 . _ -，例如 chenls" error={fields.username}>
          {(props) => (
            <input
              {...props}
              name="username"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={40}
              defaultValue={typed?.username}
              className={inputClass}
            />
          )}
        </Field>
        <Field id="account-name" label="姓名" error={fields.displayName}>
          {(props) => (
            <input {...props} name="displayName" maxLength={40} defaultValue={typed?.displayName} className={inputClass} />
          )}
        </Field>
        <Field id="account-role" label="账号类型" hint="管理员还可以管理工作人员的账号。" error={fields.role}>
          {(props) => (
            <select {...props} name="role" defaultValue={typed?.role ?? "STAFF"} className={inputClass}>
              {Object.entries(STAFF_ROLES).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" disabled={pending} className={primaryButton}>
          {pending ? "正在建立…" : "建立账号并生成密码"}
        </button>
      </form>
    </div>
  );
}

/** Reset and deactivate for one staff account (administrators only). */
export function StaffAccountControls({ userId, username }: { userId: string; username: string }) {
  const [reset, resetAction, resetting] = useActionState<AccountFormState, FormData>(resetStaffPasswordAction, null);
  const [ended, endAction, ending] = useActionState<AccountFormState, FormData>(deactivateStaffAccountAction, null);
  return (
    <div className="space-y-3">
      <form action={resetAction} className="space-y-3">
        <FormStatus state={reset} />
        {reset?.issued && <OneTimePassword {...reset.issued} />}
        <input type="hidden" name="userId" value={userId} />
        <button type="submit" disabled={resetting} className={secondaryButton} aria-label={`重设 ${username} 的密码`}>
          {resetting ? "正在重设…" : "重设密码"}
        </button>
      </form>
      {ended?.ok ? (
        <FormStatus state={ended} />
      ) : (
        <details className="rounded-lg border-2 border-red-700 p-3">
          <summary className="flex min-h-11 cursor-pointer items-center font-semibold text-red-800">停用账号 {username}…</summary>
          <form action={endAction} className="mt-3 space-y-3">
            <FormStatus state={ended} />
            <p>停用后不能再登录；它做过的操作仍保留在操作记录中。</p>
            <input type="hidden" name="userId" value={userId} />
            <button type="submit" disabled={ending} className={dangerButton}>
              {ending ? "正在停用…" : "确认停用"}
            </button>
          </form>
        </details>
      )}
    </div>
  );
}
