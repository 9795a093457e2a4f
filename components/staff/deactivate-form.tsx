"use client";

import type { ReactNode } from "react";
import { ActionForm, dangerButton, SubmitButton } from "@/components/form";
import type { FormState } from "@/lib/form";

/**
 * Deactivating a lawyer or an account: behind a disclosure, because it cannot be undone here, so
 * it takes a deliberate second step. Only the hidden id is sent, so a refusal has a headline and
 * no fields to link to; the disclosure opens again after one, with the button where it was.
 */
export function DeactivateForm({
  action,
  idPrefix,
  summary,
  hidden,
  inactive,
  children,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  idPrefix: string;
  summary: string;
  hidden: { name: string; value: string };
  /** What to show instead when it is inactive already (the page after a deactivation). */
  inactive?: ReactNode;
  /** What deactivating does. */
  children: ReactNode;
}) {
  return (
    <ActionForm action={action} idPrefix={idPrefix} order={[]} className="space-y-3">
      {(state) =>
        state?.ok ? null : inactive ? (
          inactive
        ) : (
          <details open={state ? true : undefined} className="rounded-lg border-2 border-red-700 p-3">
            <summary className="flex min-h-11 cursor-pointer items-center font-semibold text-red-800">{summary}</summary>
            <div className="mt-3 space-y-3">
              {children}
              <input type="hidden" {...hidden} />
              <SubmitButton pendingText="正在停用…" className={dangerButton}>
                确认停用
              </SubmitButton>
            </div>
          </details>
        )
      }
    </ActionForm>
  );
}
