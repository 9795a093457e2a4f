import { SignOutButton } from "@/components/sign-out-button";
import { getCurrentUser, homeFor } from "@/lib/auth/session";

/** What a signed-in person sees on a page (or after a form) that is not for their account: status 403. */
export default async function Forbidden() {
  const user = await getCurrentUser();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">没有权限</h1>
      <p>您的账号{user ? `（${user.displayName}）` : ""}不能打开这个页面，也不能在这里办理。如需办理，请联系司法所工作人员。</p>
      {user && (
        <p>
          <a href={homeFor(user.role)} className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
            回到我的工作台
          </a>
        </p>
      )}
      <SignOutButton />
    </div>
  );
}
