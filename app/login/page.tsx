import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/login-form";
import { safeCallbackPath } from "@/lib/auth/callback";
import { getCurrentUser, homeFor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "工作人员登录" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Only paths of this site, so a crafted link cannot send someone elsewhere after signing in.
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  const user = await getCurrentUser();
  if (user) redirect(callbackUrl ?? homeFor(user.role));
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">律师和工作人员登录</h1>
      <p>村民预约不需要登录，请回到首页选择服务地点。</p>
      <LoginForm callbackUrl={callbackUrl ?? "/me"} />
    </div>
  );
}
