"use client";

import { CopyButton } from "@/components/copy-button";
import { ActionForm, primaryButton, SubmitButton, secondaryButton } from "@/components/form";
import { calendarLinkAction } from "@/lib/calendar/actions";

/**
 * The private subscription URL, shown whole (it wraps on a phone and one tap selects it, with or
 * without JavaScript), a webcal: link that opens the phone's calendar app, a copy button, and
 * buttons to make a new link (the old one stops) or turn it off.
 */
export function CalendarSubscription({ url }: { url: string | null }) {
  return (
    <div className="space-y-3">
      {url ? (
        <div className="space-y-3">
          <p>
            值班时间和预约会出现在您的手机日历中（不含村民电话号码）。苹果手机可直接点“在手机日历中订阅”；其他手机请复制链接，在日历应用中选择“添加订阅日历”或“通过网址添加”后粘贴。
          </p>
          <div className="space-y-1">
            <p className="font-semibold">您的订阅链接</p>
            <p
              id="calendar-url"
              className="select-all break-all rounded-lg border-2 border-gray-500 bg-gray-50 px-3 py-2 font-mono text-base"
            >
              {url}
            </p>
            <p className="text-gray-700">链接等同于密码，请不要转发；怀疑泄露时请生成新链接。</p>
          </div>
          <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
            <a href={url.replace(/^https?:/, "webcal:")} className={primaryButton}>
              在手机日历中订阅
            </a>
            <CopyButton text={url} targetId="calendar-url" label="复制链接" />
          </div>
        </div>
      ) : (
        <p>还没有订阅链接。生成后，值班时间和预约会出现在您的手机日历中（不含村民电话号码）。</p>
      )}
      {/* One form for both buttons, so its one status line stays when the link (and its off button) goes. */}
      <ActionForm action={calendarLinkAction} idPrefix="calendar" label="日历订阅" className="space-y-3">
        <div className="flex flex-col gap-3 sm:flex-row">
          <SubmitButton name="do" value="replace" pendingText="正在处理…" className={url ? secondaryButton : primaryButton}>
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
