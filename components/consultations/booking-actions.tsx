"use client";

import { useActionState } from "react";
import { checkInAction, type FormState, noShowAction } from "@/lib/consultations/actions";
import { FormStatus, primaryButton, secondaryButton } from "./form-parts";

/** One button that changes a booking's status; works without JavaScript as a plain form post. */
function StatusButton({
  bookingId,
  action,
  label,
  pendingLabel,
  primary,
  description,
}: {
  bookingId: string;
  action: (state: FormState, form: FormData) => Promise<FormState>;
  label: string;
  pendingLabel: string;
  primary?: boolean;
  description: string;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, null);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="bookingId" value={bookingId} />
      <button type="submit" disabled={pending} aria-label={description} className={primary ? primaryButton : secondaryButton}>
        {pending ? pendingLabel : label}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

export function CheckInButton({ bookingId, who }: { bookingId: string; who: string }) {
  return (
    <StatusButton
      bookingId={bookingId}
      action={checkInAction}
      label="签到"
      pendingLabel="正在签到…"
      primary
      description={`签到：${who}`}
    />
  );
}

export function NoShowButton({ bookingId, who }: { bookingId: string; who: string }) {
  return (
    <StatusButton
      bookingId={bookingId}
      action={noShowAction}
      label="标记未到"
      pendingLabel="正在保存…"
      description={`标记未到：${who}`}
    />
  );
}
