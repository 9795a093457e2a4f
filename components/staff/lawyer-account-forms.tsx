"use client";

import Link from "next/link";
import { textLink } from "@/components/form";
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

/** The bookings a departed lawyer still holds, each a link to the booking to reassign it. */
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
 * The page lists the bookings left to reassign once the lawyer is inactive; the answer stays on
 * screen above it, because this form is rendered whether the lawyer is active or not.
 */
export function DeactivateLawyerForm({ lawyerId, name, active }: { lawyerId: string; name: string; active: boolean }) {
  return (
    <DeactivateForm
      action={deactivateLawyerAction}
      idPrefix="deactivate-lawyer"
      summary="停用这位律师…"
      hidden={{ name: "lawyerId", value: lawyerId }}
      inactive={active ? undefined : <p>这位律师已停用。</p>}
    >
      <p>
        停用后，{name}
        不能再登录，从今天起不再安排每周坐班，村民也不能再预约这位律师。以往的记录全部保留。已有的预约不会自动取消，停用后会列出来，请逐个改派。
      </p>
    </DeactivateForm>
  );
}
