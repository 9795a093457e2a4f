"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormStatus, secondaryButton } from "@/components/consultations/form-parts";
import { deactivateLawyerAction, type LawyerFormState, resetLawyerPasswordAction } from "@/lib/lawyers/actions";
import { formatDate, formatTime, toDateString } from "@/lib/time";
import { OneTimePassword } from "./one-time-password";

export const dangerButton =
  "min-h-12 w-full rounded-lg bg-red-700 px-4 text-lg font-bold text-white hover:bg-red-800 disabled:opacity-70 sm:w-auto";

/** A new one-time password for the lawyer; the old one stops working. */
export function ResetLawyerPasswordForm({ lawyerId }: { lawyerId: string }) {
  const [state, action, pending] = useActionState<LawyerFormState, FormData>(resetLawyerPasswordAction, null);
  return (
    <form action={action} className="space-y-3">
      <FormStatus state={state} />
      {state?.issued && <OneTimePassword {...state.issued} />}
      <input type="hidden" name="lawyerId" value={lawyerId} />
      <button type="submit" disabled={pending} className={secondaryButton}>
        {pending ? "正在重设…" : "重设密码"}
      </button>
    </form>
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
          <Link
            href={`/staff/bookings/${b.code}`}
            className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline"
          >
            {formatDate(toDateString(b.start))} {formatTime(b.start)}–{formatTime(b.end)} · {b.venueName} · 预约号 {b.code}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * Deactivation behind a disclosure: it cannot be undone here, so it takes a deliberate second step.
 * The page lists the bookings left to reassign once the lawyer is inactive.
 */
export function DeactivateLawyerForm({ lawyerId, name, active }: { lawyerId: string; name: string; active: boolean }) {
  const [state, action, pending] = useActionState<LawyerFormState, FormData>(deactivateLawyerAction, null);
  if (state?.ok) return <FormStatus state={state} />;
  if (!active) return <p>这位律师已停用。</p>;
  return (
    <details className="rounded-lg border-2 border-red-700 p-3">
      <summary className="flex min-h-11 cursor-pointer items-center font-semibold text-red-800">停用这位律师…</summary>
      <form action={action} className="mt-3 space-y-3">
        <FormStatus state={state} />
        <p>
          停用后，{name}
          不能再登录，从今天起不再安排每周坐班，村民也不能再预约这位律师。以往的记录全部保留。已有的预约不会自动取消，停用后会列出来，请逐个改派。
        </p>
        <input type="hidden" name="lawyerId" value={lawyerId} />
        <button type="submit" disabled={pending} className={dangerButton}>
          {pending ? "正在停用…" : "确认停用"}
        </button>
      </form>
    </details>
  );
}
