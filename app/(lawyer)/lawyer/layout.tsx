import type { ReactNode } from "react";
import { SignOutButton } from "@/components/sign-out-button";
import { WorkspaceNav } from "@/components/workspace-nav";
import { requireLawyer } from "@/lib/auth/session";

const LINKS = [
  { href: "/lawyer", label: "我的预约" },
  { href: "/lawyer/schedule", label: "值班时间" },
  { href: "/lawyer/log", label: "工作日志" },
  { href: "/account/password", label: "修改密码" },
];

export default async function LawyerLayout({ children }: { children: ReactNode }) {
  const user = await requireLawyer("/lawyer");
  return (
    <div className="space-y-6">
      <div className="no-print flex flex-wrap items-center justify-between gap-3">
        <p className="font-semibold">律师：{user.displayName}</p>
        <SignOutButton />
      </div>
      <WorkspaceNav label="律师工作台" links={LINKS} />
      {children}
    </div>
  );
}
