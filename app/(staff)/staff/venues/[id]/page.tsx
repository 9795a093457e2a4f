import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { VenueForm } from "@/components/staff/venue-form";
import { requireRole } from "@/lib/auth/session";
import { getVenueForStaff } from "@/lib/venues/queries";

export const metadata: Metadata = { title: "修改服务地点" };

export default async function EditVenuePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireRole(`/staff/venues/${id}`, "STAFF", "ADMIN");
  const venue = await getVenueForStaff(id);
  if (!venue) notFound();
  return (
    <div className="space-y-6">
      <p>
        <Link href="/staff/venues" className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
          ← 返回服务地点列表
        </Link>
      </p>
      <h1 className="text-2xl font-bold">修改服务地点：{venue.name}</h1>
      <VenueForm venue={venue} />
    </div>
  );
}
