import type { Metadata } from "next";
import Link from "next/link";
import { ChangePasswordForm } from "@/components/change-password-form";
import { can } from "@/lib/auth/can";
import { homeFor, requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "修改密码" };

export default async function ChangePasswordPage() {
  const user = await requireUser("/account/password", can.changeOwnPassword);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">修改密码</h1>
      {user.mustChangePassword ? (
        <p className="rounded border-2 border-amber-700 bg-amber-50 p-4 text-lg">
          您正在使用司法所给您的初始密码。请先在下面设置一个只有您自己知道的新密码，然后才能使用其他功能。初始密码只能登录这一次。
        </p>
      ) : (
        <p className="text-lg">
          改好后，用这个账号在其他手机或电脑上的登录会自动退出。
          <Link href={homeFor(user.role)} className="ml-1 underline underline-offset-4">
            返回工作台
          </Link>
        </p>
      )}
      <ChangePasswordForm />
    </div>
  );
}
