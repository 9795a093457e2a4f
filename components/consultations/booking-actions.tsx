"use client";

import { ActionForm, primaryButton, SubmitButton, secondaryButton } from "@/components/form";
import { checkInAction, noShowAction } from "@/lib/consultations/actions";

const KINDS = {
  checkIn: { action: checkInAction, label: "签到", pending: "正在签到…", className: primaryButton },
  noShow: { action: noShowAction, label: "标记未到", pending: "正在保存…", className: secondaryButton },
};

/** One button that changes a booking's status; works without JavaScript as a plain form post. */
export function StatusButton({ kind, bookingId, who }: { kind: keyof typeof KINDS; bookingId: string; who: string }) {
  const { action, label, pending, className } = KINDS[kind];
  return (
    <ActionForm action={action} idPrefix={`${kind}-${bookingId}`} className="space-y-2">
      <input type="hidden" name="bookingId" value={bookingId} />
      <SubmitButton pendingText={pending} className={className}>
        {label}
        {/* A day's list has one such button per booking: screen readers hear whose. */}
        <span className="sr-only">：{who}</span>
      </SubmitButton>
    </ActionForm>
  );
}
