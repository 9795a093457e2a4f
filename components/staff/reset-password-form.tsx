"use client";

import { ActionForm, SubmitButton, secondaryButton } from "@/components/form";
import type { Issued } from "@/lib/accounts/actions";
import type { FormState } from "@/lib/form-values";
import { OneTimePassword } from "./one-time-password";

/**
 * A new one-time password for a lawyer or an account; the old one stops working. Only the hidden
 * id is sent, so a refusal has a headline and no fields to link to.
 */
export function ResetPasswordForm({
  action,
  idPrefix,
  hidden,
  who,
}: {
  action: (state: FormState<Issued>, form: FormData) => Promise<FormState<Issued>>;
  idPrefix: string;
  hidden: { name: string; value: string };
  /** Said to screen readers with the button, where a page lists several. */
  who?: string;
}) {
  return (
    <ActionForm
      action={action}
      idPrefix={idPrefix}
      label={who ? `重设密码：${who}` : "重设密码"}
      order={[]}
      className="space-y-3"
      result={(data) => data && <OneTimePassword {...data.issued} />}
    >
      <input type="hidden" {...hidden} />
      <SubmitButton pendingText="正在重设…" className={secondaryButton}>
        {who ? (
          <>
            {/* The whole name for screen readers begins with the visible words (WCAG 2.5.3). */}
            <span aria-hidden="true">重设密码</span>
            <span className="sr-only">重设密码：{who}</span>
          </>
        ) : (
          "重设密码"
        )}
      </SubmitButton>
    </ActionForm>
  );
}
