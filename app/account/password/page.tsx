import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/change-password-form";
import { can } from "@/lib/auth/can";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "修改密码" };

export default async function ChangePasswordPage() {
  await requireUser("/account/password", can.changeOwnPassword);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">修改密码</h1>
      <ChangePasswordForm />
    </div>
  );
}
