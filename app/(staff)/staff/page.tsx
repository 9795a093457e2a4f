import type { Metadata } from "next";
import Link from "next/link";
import { textLink } from "@/components/form/styles";
import { PublicAddressWarning } from "@/components/staff/public-address-warning";
import { can } from "@/lib/auth/can";
import { requireTownScope } from "@/lib/auth/session";
import { loadStaffOverview } from "@/lib/booking/queries";
import { publicAddressWarning } from "@/lib/site/queries";

export const metadata: Metadata = { title: "司法所工作台" };

export default async function StaffHomePage() {
  const scope = await requireTownScope("/staff");
  const overview = await loadStaffOverview(scope);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">司法所工作台</h1>
      <PublicAddressWarning address={await publicAddressWarning()} canSet={can.manageSite(scope.actor)} />
      <p>您好，{scope.actor.displayName}。</p>
      <ul className="grid gap-3 sm:grid-cols-3">
        <li className="rounded-xl border-2 border-gray-300 p-4">
          <p className="text-3xl font-bold">{overview.todayCount}</p>
          <p>今天的预约</p>
        </li>
        <li className="rounded-xl border-2 border-gray-300 p-4">
          <p className="text-3xl font-bold">{overview.weekCount}</p>
          <p>未来 7 天的预约</p>
        </li>
        <li className="rounded-xl border-2 border-gray-300 p-4">
          <p className="text-3xl font-bold">{overview.callbacks}</p>
          <p>等待回电的村民</p>
        </li>
      </ul>
      <ul className="space-y-1">
        <li>
          <Link href="/staff/bookings/new" className={textLink}>
            代为预约（电话、现场、社工或村干部转介）
          </Link>
        </li>
        <li>
          <Link href="/staff/walk-ins/new" className={textLink}>
            登记现场咨询
          </Link>
        </li>
        <li>
          <Link href="/staff/walk-ins" className={textLink}>
            修改或作废现场咨询记录
          </Link>
        </li>
        <li>
          <Link href="/staff/dashboard" className={textLink}>
            需求分析和回电请求
          </Link>
        </li>
        <li>
          <Link href="/staff/settings" className={textLink}>
            网站设置（公开地址）
          </Link>
        </li>
        <li>
          <Link href="/account/password" className={textLink}>
            修改密码
          </Link>
        </li>
      </ul>
    </div>
  );
}
