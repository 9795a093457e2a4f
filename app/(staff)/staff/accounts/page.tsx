import type { Metadata } from "next";
import { BackLink } from "@/components/back-link";
import { Section } from "@/components/section";
import { CreateStaffAccountForm, StaffAccountControls } from "@/components/staff/staff-account-forms";
import { listStaffAccounts } from "@/lib/accounts/queries";
import { can } from "@/lib/auth/can";
import { requireTownScope } from "@/lib/auth/session";
import { ROLE_NAMES } from "@/lib/labels";

export const metadata: Metadata = { title: "工作人员账号" };

export default async function StaffAccountsPage() {
  const scope = await requireTownScope("/staff/accounts");
  const user = scope.actor;
  const accounts = await listStaffAccounts(scope);
  // The controls are an administrator's alone; the actions refuse anyone else whatever the page shows.
  const manages = can.manageStaffAccounts(user);
  return (
    <div className="space-y-8">
      <BackLink href="/staff/lawyers">返回律师与账号</BackLink>
      <h1 className="text-2xl font-bold">工作人员账号</h1>
      {!manages && <p>工作人员和管理员的账号只能由管理员建立、重设密码或停用。如需帮助，请联系管理员。</p>}
      <ul className="space-y-3">
        {accounts.map((account) => (
          <li key={account.id} className="space-y-2 rounded-xl border-2 border-gray-300 p-4">
            <h2 className="text-lg font-bold">
              {account.displayName}
              {account.active ? "" : "（已停用）"}
            </h2>
            <p>
              账号名：<span className="font-mono">{account.username}</span> · {ROLE_NAMES[account.role]}
            </p>
            {manages && account.active && account.id !== user.id && (
              <StaffAccountControls userId={account.id} username={account.username} />
            )}
          </li>
        ))}
      </ul>
      {manages && (
        <Section id="new-account-heading" title="建立工作人员账号" className="space-y-3">
          <CreateStaffAccountForm />
        </Section>
      )}
    </div>
  );
}
