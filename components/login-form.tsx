"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";

/** Sign-in for lawyers and staff: 账号 (user name or phone number) and 密码. */
export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      username: String(form.get("username") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (!result || result.error) {
      setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "登录没有成功，请稍后再试。");
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} aria-label="登录" className="space-y-5" noValidate>
      <div
        role="alert"
        aria-live="assertive"
        className={error ? "rounded-lg border-2 border-red-700 bg-red-50 p-3 text-red-900" : ""}
      >
        {error}
      </div>
      <div className="space-y-1">
        <label htmlFor="username" className="block font-semibold">
          账号
        </label>
        <p id="username-hint" className="text-gray-700">
          用户名或登记的手机号码
        </p>
        <input
          id="username"
          name="username"
          autoComplete="username"
          required
          aria-describedby="username-hint"
          className="min-h-12 w-full rounded-lg border-2 border-gray-500 px-3 text-lg"
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="password" className="block font-semibold">
          密码
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="min-h-12 w-full rounded-lg border-2 border-gray-500 px-3 text-lg"
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="min-h-12 w-full rounded-lg bg-brand-700 px-4 text-lg font-bold text-white hover:bg-brand-800 disabled:opacity-70"
      >
        {pending ? "正在登录…" : "登录"}
      </button>
    </form>
  );
}
