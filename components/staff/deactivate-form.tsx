"use client";

import type { ReactNode } from "react";
import { ActionForm, dangerButton, SubmitButton } from "@/components/form";
import type { FormState } from "@/lib/form-values";

/**
 * Deactivating a lawyer or an account: behind a disclosure, because it cannot be undone here, so
 * it takes a deliberate second step. Only the hidden id is sent, so a refusal has a headline and
 * no fields to link to; the disclosure opens again after one, with the button where it was.
 * `step` replaces the button when an answer asks for more (a lawyer's bookings to hand over).
 */
export function DeactivateForm<Data = undefined>({
  action,
  idPrefix,
  summary,
  hidden,
  inactive,
  step,
  children,
}: {
  action: (state: FormState<Data>, form: FormData) => Promise<FormState<Data>>;
  idPrefix: string;
  summary: string;
  hidden: { name: string; value: string };
  /** What to show instead when it is inactive already (the page after a deactivation). */
  inactive?: ReactNode;
  /** The next step an answer asks for, or null for none. */
  step?: (state: NonNullable<FormState<Data>>) => ReactNode | null;
  /** What deactivating does. */
  children: ReactNode;
}) {
  return (
    <ActionForm action={action} idPrefix={idPrefix} label={summary} order={step ? undefined : []} className="space-y-3">
      {(state) => {
        if (state?.ok) return null;
        if (inactive) return inactive;
        const next = state ? step?.(state) : null;
        return (
          <details open={state ? true : undefined} className="rounded-lg border-2 border-red-700 p-3">
            <summary className="flex min-h-11 cursor-pointer items-center font-semibold text-red-800">{summary}</summary>
            <div className="mt-3 space-y-3">
              {children}
              <input type="hidden" {...hidden} />
              {next ?? (
                <SubmitButton pendingText="正在停用…" className={dangerButton}>
                  确认停用
                </SubmitButton>
              )}
            </div>
          </details>
        );
      }}
    </ActionForm>
  );
}
