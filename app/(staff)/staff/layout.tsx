import type { ReactNode } from "react";
import { StopActingForm } from "@/components/district/town-forms";
import { SignOutButton } from "@/components/sign-out-button";
import { WorkspaceNav } from "@/components/workspace-nav";
import { requireTownScope } from "@/lib/auth/session";
import { ROLE_NAMES } from "@/lib/labels";
import { siteIdentity, townOf } from "@/lib/towns/queries";

const LINKS = [
  { href: "/staff", label: "工作台" },
  { href: "/staff/bookings", label: "预约" },
  { href: "/staff/messages", label: "短信通知" },
  { href: "/staff/rota", label: "排班" },
  { href: "/staff/venues", label: "服务地点" },
  { href: "/staff/lawyers", label: "律师与账号" },
  { href: "/staff/holidays", label: "节假日" },
  { href: "/staff/dashboard", label: "需求分析" },
  { href: "/staff/report", label: "年度数据" },
  { href: "/staff/audit", label: "操作记录" },
  { href: "/staff/api-clients", label: "接口接入方" },
  { href: "/staff/privacy", label: "个人信息保存期限" },
];

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const scope = await requireTownScope("/staff");
  const [town, site] = await Promise.all([townOf(scope), siteIdentity()]);
  const user = scope.actor;
  return (
    <div className="space-y-6">
      <div className="no-print flex flex-wrap items-center justify-between gap-3">
        <p className="font-semibold">
          {site.towns > 1 && town ? `${town.officeName} · ` : ""}
          {ROLE_NAMES[user.role]}：{user.displayName}
        </p>
        <SignOutButton />
      </div>
      {scope.acting && town && (
        <p className="no-print rounded-xl border-2 border-amber-600 bg-amber-50 p-3 font-semibold">
          您正以区司法局身份代{town.name}工作，所做的每项修改都会记入操作记录。
        </p>
      )}
      {scope.acting && (
        <div className="no-print">
          <StopActingForm />
        </div>
      )}
      <WorkspaceNav label="司法所工作台" links={LINKS} />
      {children}
    </div>
  );
}
