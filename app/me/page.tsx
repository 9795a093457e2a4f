import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/sign-out-button";
import { getCurrentUser, homeFor } from "@/lib/auth/session";

/** Where a signed-in person lands: their own workspace, or a plain "no access" page. */
export default async function MePage({ searchParams }: { searchParams: Promise<{ forbidden?: string }> }) {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (!(await searchParams).forbidden) redirect(homeFor(user.role));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">没有权限</h1>
      <p>您的账号（{user.displayName}）不能打开这个页面。</p>
      <p>
        <a href={homeFor(user.role)} className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
          回到我的工作台
        </a>
      </p>
      <SignOutButton />
    </div>
  );
}
