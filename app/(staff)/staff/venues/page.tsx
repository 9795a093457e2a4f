import type { Metadata } from "next";
import Link from "next/link";
import { textLink } from "@/components/form/styles";
import { PublicAddressWarning } from "@/components/staff/public-address-warning";
import { can } from "@/lib/auth/can";
import { requireTownScope } from "@/lib/auth/session";
import { publicAddressWarning } from "@/lib/site/queries";
import { listVenuesForStaff } from "@/lib/venues/queries";

export const metadata: Metadata = { title: "服务地点" };

export default async function StaffVenuesPage() {
  const scope = await requireTownScope("/staff/venues");
  const user = scope.actor;
  const venues = await listVenuesForStaff(scope);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">服务地点</h1>
      <PublicAddressWarning address={await publicAddressWarning()} canSet={can.manageSite(user)} />
      <p>修改地址、电话、开放说明和预约规则。停用的地点不再接受预约，以往记录保留。</p>
      <div className="flex flex-wrap gap-x-6">
        <Link href="/staff/holidays" className={textLink}>
          节假日安排（法定节假日、调休和本镇调整）
        </Link>
        <Link href="/staff/venues/posters" className={textLink}>
          打印全部海报
        </Link>
      </div>
      <ul className="space-y-3">
        {venues.map((venue) => (
          <li key={venue.id} className="space-y-1 rounded-xl border-2 border-gray-300 p-4">
            <h2 className="text-lg font-bold">{venue.name}</h2>
            <p>地址：{venue.address}</p>
            <p>
              {venue.active ? "接受预约" : "已停用，不接受预约"}
              {venue.confirmed ? "" : " · 待核实，村民看不到"} · 每段 {venue.slotMinutes} 分钟 · 提前 {venue.minNoticeMinutes}{" "}
              分钟 · 可约 {venue.horizonDays} 天内
              {venue.isDemonstration ? " · 示范点" : ""}
            </p>
            <div className="flex flex-wrap gap-x-6">
              <Link href={`/staff/venues/${venue.id}`} className={textLink} aria-label={`修改 ${venue.name}`}>
                修改
              </Link>
              {venue.active && (
                <Link href={`/venues/${venue.slug}/poster`} className={textLink} aria-label={`打印海报：${venue.name}`}>
                  打印海报
                </Link>
              )}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
