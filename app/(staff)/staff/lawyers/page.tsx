import type { Metadata } from "next";
import Link from "next/link";
import { textLink } from "@/components/form/styles";
import { requireTownScope } from "@/lib/auth/session";
import { listLawyers } from "@/lib/lawyers/queries";

export const metadata: Metadata = { title: "律师与账号" };

export default async function StaffLawyersPage() {
  const scope = await requireTownScope("/staff/lawyers");
  const lawyers = await listLawyers(scope);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">律师与账号</h1>
      <div className="flex flex-wrap gap-x-6">
        <Link href="/staff/lawyers/new" className={textLink}>
          添加律师
        </Link>
        <Link href="/staff/accounts" className={textLink}>
          工作人员账号
        </Link>
        <Link href="/staff/lawyers/cards" className={textLink}>
          打印全部律师的通讯卡
        </Link>
      </div>
      {lawyers.length === 0 ? (
        <p>还没有律师。请先添加律师。</p>
      ) : (
        <ul className="space-y-3">
          {lawyers.map((lawyer) => (
            <li key={lawyer.id} className="space-y-1 rounded-xl border-2 border-gray-300 p-4">
              <h2 className="text-lg font-bold">
                {lawyer.name}
                {lawyer.active ? "" : "（已停用）"}
              </h2>
              <p>{lawyer.firm}</p>
              <p>
                电话：{lawyer.publicPhone} · 登录账号：{lawyer.username ?? "无"}
              </p>
              {lawyer.venues.length > 0 && (
                <p>服务地点：{lawyer.venues.map((v) => (v.isAdviser ? `${v.name}（法律顾问）` : v.name)).join("、")}</p>
              )}
              <div className="flex flex-wrap gap-x-6">
                <Link href={`/staff/lawyers/${lawyer.id}`} className={textLink} aria-label={`管理 ${lawyer.name}`}>
                  管理
                </Link>
                {lawyer.active && (
                  <Link href={`/staff/lawyers/${lawyer.id}/cards`} className={textLink} aria-label={`通讯卡：${lawyer.name}`}>
                    通讯卡
                  </Link>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
