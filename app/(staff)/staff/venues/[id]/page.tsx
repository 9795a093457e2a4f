import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { VenueForm } from "@/components/staff/venue-form";
import { requireTownScope } from "@/lib/auth/session";
import { getVenueForStaff } from "@/lib/venues/queries";

export const metadata: Metadata = { title: "修改服务地点" };

export default async function EditVenuePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const scope = await requireTownScope(`/staff/venues/${id}`);
  const venue = await getVenueForStaff(scope, id);
  if (!venue) notFound();
  return (
    <div className="space-y-6">
      <BackLink href="/staff/venues">返回服务地点列表</BackLink>
      <h1 className="text-2xl font-bold">修改服务地点：{venue.name}</h1>
      <VenueForm venue={venue} />
    </div>
  );
}
