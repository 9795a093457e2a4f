"use client";

import { useActionState } from "react";
import { type ChangePasswordState, changePassword } from "@/lib/auth/actions";

const FIELDS = [
  { name: "current", label: "现在的密码", autoComplete: "current-password" },
  { name: "next", label: "新密码", autoComplete: "new-password", hint: "至少 10 个字符，包含字母、数字、符号中的至少两种。" },
  { name: "confirm", label: "再输入一次新密码", autoComplete: "new-password" },
] as const;

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState<ChangePasswordState, FormData>(changePassword, null);
  return (
    <form action={action} className="space-y-5" noValidate>
      <div
        role="status"
        aria-live="polite"
        className={
          state ? `rounded-lg border-2 p-3 ${state.ok ? "border-green-700 bg-green-50" : "border-red-700 bg-red-50"}` : ""
        }
      >
        {state?.message}
      </div>
      {FIELDS.map((field) => {
        const error = state?.fields?.[field.name];
        const hint = "hint" in field ? field.hint : null;
        const describedBy = [hint && `${field.name}-hint`, error && `${field.name}-error`].filter(Boolean).join(" ") || undefined;
        return (
          <div key={field.name} className="space-y-1">
            <label htmlFor={field.name} className="block font-semibold">
              {field.label}
            </label>
            {hint && (
              <p id={`${field.name}-hint`} className="text-gray-700">
                {hint}
              </p>
            )}
            {error && (
              <p id={`${field.name}-error`} className="font-semibold text-red-800">
                错误：{error}
              </p>
            )}
            <input
              id={field.name}
              name={field.name}
              type="password"
              autoComplete={field.autoComplete}
              aria-invalid={Boolean(error)}
              aria-describedby={describedBy}
              className="min-h-12 w-full rounded-lg border-2 border-gray-500 px-3 text-lg"
            />
          </div>
        );
      })}
      <button
        type="submit"
        disabled={pending}
        className="min-h-12 w-full rounded-lg bg-brand-700 px-4 text-lg font-bold text-white"
      >
        {pending ? "正在保存…" : "修改密码"}
      </button>
    </form>
  );
}
