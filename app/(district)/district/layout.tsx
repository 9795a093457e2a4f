import type { ReactNode } from "react";
import { SignOutButton } from "@/components/sign-out-button";
import { WorkspaceNav } from "@/components/workspace-nav";
import { requireDistrictScope } from "@/lib/auth/session";

const LINKS = [
  { href: "/district", label: "各镇（街道）" },
  { href: "/district/dashboard", label: "全区数据" },
  { href: "/district/api-clients", label: "接口接入方" },
];

export default async function DistrictLayout({ children }: { children: ReactNode }) {
  const scope = await requireDistrictScope("/district");
  return (
    <div className="space-y-6">
      <div className="no-print flex flex-wrap items-center justify-between gap-3">
        <p className="font-semibold">区司法局：{scope.actor.displayName}</p>
        <SignOutButton />
      </div>
      <WorkspaceNav label="区司法局工作台" links={LINKS} />
      {children}
    </div>
  );
}
