import type { Metadata } from "next";
import { BackLink } from "@/components/back-link";
import { NewLawyerForm } from "@/components/staff/lawyer-form";
import { requireTownScope } from "@/lib/auth/session";
import { listVenuesForStaff } from "@/lib/venues/queries";

export const metadata: Metadata = { title: "添加律师" };

export default async function NewLawyerPage() {
  const scope = await requireTownScope("/staff/lawyers/new");
  const venues = await listVenuesForStaff(scope);
  return (
    <div className="space-y-6">
      <BackLink href="/staff/lawyers">返回律师列表</BackLink>
      <h1 className="text-2xl font-bold">添加律师</h1>
      <p>保存后会生成一个一次性密码，只显示一次。请交给律师本人，并请其登录后修改密码。</p>
      <NewLawyerForm venues={venues.map((v) => ({ id: v.id, name: v.name, active: v.active }))} />
    </div>
  );
}
