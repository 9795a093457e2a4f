"use client";

import Link from "next/link";
import { dangerButton, textLink } from "@/components/form/styles";
import { ChoiceStep } from "@/components/schedule/schedule-form";
import { deactivateLawyerAction, resetLawyerPasswordAction } from "@/lib/lawyers/actions";
import { formatDate, formatTime, toDateString } from "@/lib/time";
import { DeactivateForm } from "./deactivate-form";
import { ResetPasswordForm } from "./reset-password-form";

/** A new one-time password for the lawyer; the old one stops working. */
export function ResetLawyerPasswordForm({ lawyerId }: { lawyerId: string }) {
  return (
    <ResetPasswordForm
      action={resetLawyerPasswordAction}
      idPrefix="reset-lawyer"
      hidden={{ name: "lawyerId", value: lawyerId }}
    />
  );
}

export type UpcomingBookingView = { code: string; start: Date; end: Date; venueName: string };

/** Bookings a departed lawyer still holds (one under way when they left), each a link to the booking. */
export function BookingsToReassign({ bookings }: { bookings: UpcomingBookingView[] }) {
  if (bookings.length === 0) return <p>没有需要改派的预约。</p>;
  return (
    <ul className="space-y-2">
      {bookings.map((b) => (
        <li key={b.code}>
          <Link href={`/staff/bookings/${b.code}`} className={textLink}>
            {formatDate(toDateString(b.start))} {formatTime(b.start)}–{formatTime(b.end)} · {b.venueName} · 预约号 {b.code}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * Like leave: when the lawyer still has bookings to come, the first answer lists them, and each
 * must be handed to a free colleague or cancelled with a reason before anything changes. The
 * answer stays on screen, because this form is rendered whether the lawyer is active or not.
 */
export function DeactivateLawyerForm({ lawyerId, name, active }: { lawyerId: string; name: string; active: boolean }) {
  return (
    <DeactivateForm
      action={deactivateLawyerAction}
      idPrefix="deactivate-lawyer"
      summary="停用这位律师…"
      hidden={{ name: "lawyerId", value: lawyerId }}
      inactive={active ? undefined : <p>这位律师已停用。</p>}
      step={(state) =>
        state.data?.step === "confirm" ? (
          <ChoiceStep
            state={state}
            affected={state.data.affected}
            confirm="确认停用并通知村民"
            back="暂不停用"
            confirmClassName={dangerButton}
          />
        ) : null
      }
    >
      <p>
        停用后，{name}
        不能再登录，从今天起不再安排每周坐班，村民也不能再预约这位律师。以往的记录全部保留。还没到的预约要逐个处理：交给同一时间有空的其他律师，或取消并说明原因；确认之前什么都不会改，确认后会短信通知村民。
      </p>
    </DeactivateForm>
  );
}
