import type { Metadata } from "next";
import { PrintToolbar } from "@/components/print/print-toolbar";
import { VenuePoster } from "@/components/print/venue-poster";
import { PublicAddressWarning } from "@/components/staff/public-address-warning";
import { can } from "@/lib/auth/can";
import { requireTownScope } from "@/lib/auth/session";
import { listVenuePosters } from "@/lib/print/queries";
import { publicAddressWarning } from "@/lib/site/queries";
import { venueTowns } from "@/lib/towns/queries";

export const metadata: Metadata = { title: "打印全部海报" };

export default async function AllPostersPage() {
  const scope = await requireTownScope("/staff/venues/posters");
  const user = scope.actor;
  const posters = await listVenuePosters(scope);
  const towns = await venueTowns(posters.map((poster) => poster.venue.slug));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold print:hidden">打印全部海报</h1>
      <PublicAddressWarning address={await publicAddressWarning()} canSet={can.manageSite(user)} />
      <PrintToolbar back={{ href: "/staff/venues", label: "返回服务地点" }}>
        <p>共 {posters.length} 张，每个接受预约的地点一张，一张一页。停用的地点不印海报。</p>
      </PrintToolbar>
      {posters.map((poster) => {
        const town = towns.get(poster.venue.slug);
        return town && <VenuePoster key={poster.venue.slug} poster={poster} town={town} level={2} />;
      })}
    </div>
  );
}
