import type { Metadata } from "next";
import { DaySheetPage } from "@/components/print/day-sheet-page";
import { requireLawyer } from "@/lib/auth/session";
import { daySheetPage } from "@/lib/print/queries";
import { townOfVenue } from "@/lib/towns/queries";

export const metadata: Metadata = { title: "当天预约名单" };

// The lawyer's own bookings only (lib/print/queries.ts asks lib/auth/can.ts lawyerScope).
export default async function LawyerDaySheetPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireLawyer("/lawyer/sheet");
  const page = await daySheetPage(user, await searchParams);
  const town = page.sheet && (await townOfVenue(page.sheet.venue.slug));
  return (
    <DaySheetPage action="/lawyer/sheet" back={{ href: "/lawyer", label: "返回我的预约" }} {...page} town={town?.name ?? null} />
  );
}
