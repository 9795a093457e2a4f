"use client";

import { ActionForm, SelectField, SubmitButton, TextField } from "@/components/form";
import { createStaffAccountAction, deactivateStaffAccountAction, resetStaffPasswordAction } from "@/lib/accounts/actions";
import { STAFF_ROLES } from "@/lib/accounts/rules";
import { optionsOf } from "@/lib/labels";
import { DeactivateForm } from "./deactivate-form";
import { OneTimePassword } from "./one-time-password";
import { ResetPasswordForm } from "./reset-password-form";

/** A new staff or administrator account (administrators only; the server checks again). */
export function CreateStaffAccountForm() {
  return (
    <ActionForm
      action={createStaffAccountAction}
      idPrefix="account"
      label="添加工作人员账号"
      result={(data) => data && <OneTimePassword {...data.issued} />}
    >
      <TextField
        name="username"
        label="登录账号名"
        hint="英文字母、数字或 . _ -，例如 chenls"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={40}
      />
      <TextField name="displayName" label="姓名" maxLength={40} />
      <SelectField
        name="role"
        label="账号类型"
        hint="管理员还可以管理工作人员的账号。"
        options={optionsOf(STAFF_ROLES)}
        defaultValue="STAFF"
      />
      <SubmitButton pendingText="正在建立…">建立账号并生成密码</SubmitButton>
    </ActionForm>
  );
}

/** Reset and deactivate for one staff account (administrators only). Each sends only the account's id. */
export function StaffAccountControls({ userId, username }: { userId: string; username: string }) {
  return (
    <div className="space-y-3">
      <ResetPasswordForm
        action={resetStaffPasswordAction}
        idPrefix={`reset-${userId}`}
        hidden={{ name: "userId", value: userId }}
        who={username}
      />
      <DeactivateForm
        action={deactivateStaffAccountAction}
        idPrefix={`deactivate-${userId}`}
        summary={`停用账号 ${username}…`}
        hidden={{ name: "userId", value: userId }}
      >
        <p>停用后不能再登录；它做过的操作仍保留在操作记录中。</p>
      </DeactivateForm>
    </div>
  );
}
