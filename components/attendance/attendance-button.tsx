"use client";

import { ActionForm, SubmitButton, smallPrimaryButton, smallSecondaryButton } from "@/components/form";
import { attendanceAction } from "@/lib/attendance/actions";

/**
 * One session's button: 签到 while no attendance is open, then 签退. One form for both, so that its
 * answer ("已签到：…") stays on screen when the page refreshes with the other button.
 */
export function AttendanceButton({
  venueId,
  startMinute,
  openId,
  arriveLabel,
  which,
}: {
  venueId: string;
  startMinute: number;
  /** The open attendance to sign out of; null to sign in. */
  openId: string | null;
  arriveLabel: string;
  /** Which session, for screen readers where a page has several buttons. */
  which: string;
}) {
  return (
    <ActionForm
      action={attendanceAction}
      idPrefix={`attendance-${venueId}-${startMinute}`}
      label={`${openId ? "签退" : "签到"}：${which}`}
      className="space-y-2"
    >
      {openId ? (
        <>
          <input type="hidden" name="intent" value="leave" />
          <input type="hidden" name="attendanceId" value={openId} />
          <SubmitButton pendingText="正在签退…" className={smallSecondaryButton}>
            签退<span className="sr-only">：{which}</span>
          </SubmitButton>
        </>
      ) : (
        <>
          <input type="hidden" name="intent" value="arrive" />
          <input type="hidden" name="venueId" value={venueId} />
          <input type="hidden" name="startMinute" value={startMinute} />
          <SubmitButton pendingText="正在签到…" className={smallPrimaryButton}>
            {arriveLabel}
            <span className="sr-only">：{which}</span>
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
