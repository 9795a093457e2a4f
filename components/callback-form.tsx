"use client";

import { useActionState } from "react";
import { type CallbackState, requestCallbackAction } from "@/lib/demand/actions";

const input = "min-h-12 w-full rounded-lg border-2 border-gray-500 bg-white px-3 text-lg";

/** "Nothing free? Leave your number and we will call you back." Works without JavaScript. */
export function CallbackForm({ venue }: { venue?: string }) {
  const [state, action, pending] = useActionState<CallbackState, FormData>(requestCallbackAction, null);
  if (state?.ok) {
    return (
      <p role="status" className="rounded-lg border-2 border-green-700 bg-green-50 p-3">
        {state.message}
      </p>
    );
  }
  const fields = state?.fields ?? {};
  const field = (name: string, label: string, type = "text", hint?: string) => (
    <div className="space-y-1">
      <label htmlFor={`cb-${name}`} className="block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`cb-${name}-hint`} className="text-gray-700">
          {hint}
        </p>
      )}
      {fields[name] && (
        <p id={`cb-${name}-error`} className="font-semibold text-red-800">
          错误：{fields[name]}
        </p>
      )}
      <input
        id={`cb-${name}`}
        name={name}
        type={type}
        inputMode={type === "tel" ? "tel" : undefined}
        defaultValue={state?.values?.[name] ?? ""}
        aria-invalid={Boolean(fields[name])}
        aria-describedby={[hint && `cb-${name}-hint`, fields[name] && `cb-${name}-error`].filter(Boolean).join(" ") || undefined}
        className={input}
      />
    </div>
  );
  return (
    <form action={action} className="space-y-4" noValidate>
      <div role="status" aria-live="polite">
        {state && !state.ok ? state.message : null}
      </div>
      {venue && <input type="hidden" name="venue" value={venue} />}
      {field("name", "姓名")}
      {field("phone", "手机号码", "tel", "例如 13812345678")}
      {field("note", "想咨询什么（选填）")}
      <div className="space-y-1">
        {fields.consent && (
          <p id="cb-consent-error" className="font-semibold text-red-800">
            错误：{fields.consent}
          </p>
        )}
        <label className="flex min-h-11 items-start gap-3">
          <input
            type="checkbox"
            name="consent"
            aria-describedby={fields.consent ? "cb-consent-error" : undefined}
            className="mt-1 h-6 w-6 shrink-0 accent-brand-700"
          />
          <span>我同意睦洲司法所保存我的姓名和电话，只用于回电安排咨询，办结后删除。</span>
        </label>
      </div>
      <button
        type="submit"
        disabled={pending}
        className="min-h-12 w-full rounded-lg bg-brand-700 px-4 text-lg font-bold text-white"
      >
        {pending ? "正在提交…" : "请给我回电"}
      </button>
    </form>
  );
}
