"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/login" })}
      className="min-h-11 rounded-lg border-2 border-gray-600 px-4 font-semibold hover:bg-gray-100"
    >
      退出登录
    </button>
  );
}
