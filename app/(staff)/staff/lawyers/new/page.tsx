import type { Metadata } from "next";
import Link from "next/link";
import { LawyerForm } from "@/components/staff/lawyer-form";
import { requireRole } from "@/lib/auth/session";
import { listVenuesForStaff } from "@/lib/venues/queries";

export const metadata: Metadata = { title: "添加律师" };

export default async function NewLawyerPage() {
  await requireRole("/staff/lawyers/new", "STAFF", "ADMIN");
  const venues = await listVenuesForStaff();
  return (
    <div className="space-y-6">
      <p>
        <Link href="/staff/lawyers" className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
          ← 返回律师列表
        </Link>
      </p>
      <h1 className="text-2xl font-bold">添加律师</h1>
      <p>保存后会生成一个一次性密码，只显示一次。请交给律师本人，并请其登录后修改密码。</p>
      <LawyerForm venues={venues.map((v) => ({ id: v.id, name: v.name, active: v.active }))} />
    </div>
  );
}
