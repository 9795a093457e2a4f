"use client";

import { ActionForm, SubmitButton, smallPrimaryButton, smallSecondaryButton } from "@/components/form";
import { checkInAction, noShowAction, undoCheckInAction } from "@/lib/consultations/actions";

const KINDS = {
  checkIn: { action: checkInAction, label: "签到", pending: "正在签到…", className: smallPrimaryButton },
  noShow: { action: noShowAction, label: "标记未到", pending: "正在保存…", className: smallSecondaryButton },
  undoCheckIn: { action: undoCheckInAction, label: "撤销签到", pending: "正在撤销…", className: smallSecondaryButton },
};

/** One button of a card's row of actions that changes the booking's status; a plain form post without JavaScript. */
export function StatusButton({ kind, bookingId, who }: { kind: keyof typeof KINDS; bookingId: string; who: string }) {
  const { action, label, pending, className } = KINDS[kind];
  return (
    <ActionForm action={action} idPrefix={`${kind}-${bookingId}`} label={`${label}：${who}`} className="">
      <input type="hidden" name="bookingId" value={bookingId} />
      <SubmitButton pendingText={pending} className={className}>
        {label}
        {/* A day's list has one such button per booking: screen readers hear whose. */}
        <span className="sr-only">：{who}</span>
      </SubmitButton>
    </ActionForm>
  );
}
