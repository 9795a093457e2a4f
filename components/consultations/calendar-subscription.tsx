"use client";

import { useActionState } from "react";
import { type CalendarState, replaceCalendarTokenAction, revokeCalendarTokenAction } from "@/lib/calendar/actions";
import { FormStatus, primaryButton, secondaryButton } from "./form-parts";

/** The private subscription URL, and buttons to make a new one (the old stops) or turn it off. */
export function CalendarSubscription({ url }: { url: string | null }) {
  const [replaced, replace, replacing] = useActionState<CalendarState, FormData>(replaceCalendarTokenAction, null);
  const [revoked, revoke, revoking] = useActionState<CalendarState, FormData>(revokeCalendarTokenAction, null);
  return (
    <div className="space-y-3">
      <FormStatus state={replaced ?? revoked} />
      {url ? (
        <div className="space-y-1">
          <label htmlFor="calendar-url" className="block font-semibold">
            您的订阅链接
          </label>
          <p id="calendar-url-hint" className="text-gray-700">
            在手机日历中选择“添加订阅日历”，粘贴这个链接。链接等同于密码，请不要转发；怀疑泄露时请生成新链接。
          </p>
          <input
            id="calendar-url"
            readOnly
            value={url}
            aria-describedby="calendar-url-hint"
            className="min-h-12 w-full rounded-lg border-2 border-gray-500 bg-gray-50 px-3 font-mono text-sm"
          />
        </div>
      ) : (
        <p>还没有订阅链接。生成后，值班时间和预约会出现在您的手机日历中（不含村民电话号码）。</p>
      )}
      <div className="flex flex-col gap-3 sm:flex-row">
        <form action={replace}>
          <button type="submit" disabled={replacing} className={primaryButton}>
            {url ? "生成新链接（旧链接失效）" : "生成订阅链接"}
          </button>
        </form>
        {url && (
          <form action={revoke}>
            <button type="submit" disabled={revoking} className={secondaryButton}>
              停用订阅链接
            </button>
          </form>
        )}
      </div>
    </div>
  );
}
