"use client";

import { ActionForm, primaryButton, SubmitButton, secondaryButton } from "@/components/form";
import { calendarLinkAction } from "@/lib/calendar/actions";

/** The private subscription URL, and buttons to make a new one (the old stops) or turn it off. */
export function CalendarSubscription({ url }: { url: string | null }) {
  return (
    <div className="space-y-3">
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
      {/* One form for both buttons, so its one status line stays when the link (and its off button) goes. */}
      <ActionForm action={calendarLinkAction} idPrefix="calendar" className="space-y-3">
        <div className="flex flex-col gap-3 sm:flex-row">
          <SubmitButton name="do" value="replace" pendingText="正在处理…" className={primaryButton}>
            {url ? "生成新链接（旧链接失效）" : "生成订阅链接"}
          </SubmitButton>
          {url && (
            <SubmitButton name="do" value="revoke" pendingText="正在处理…" className={secondaryButton}>
              停用订阅链接
            </SubmitButton>
          )}
        </div>
      </ActionForm>
    </div>
  );
}
