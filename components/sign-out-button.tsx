import { signOut } from "@/lib/auth/actions";

/** 退出登录: a plain form posting the sign-out action, so it works without JavaScript and loads none. */
export function SignOutButton() {
  return (
    <form action={signOut} aria-label="退出登录">
      <button type="submit" className="min-h-11 rounded-lg border-2 border-gray-600 px-4 font-semibold hover:bg-gray-100">
        退出登录
      </button>
    </form>
  );
}
