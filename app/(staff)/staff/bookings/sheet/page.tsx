import type { Metadata } from "next";
import { DaySheetPage } from "@/components/print/day-sheet-page";
import { requireTownScope } from "@/lib/auth/session";
import { daySheetPage } from "@/lib/print/queries";
import { townOfVenue } from "@/lib/towns/queries";

export const metadata: Metadata = { title: "当天预约名单" };

export default async function StaffDaySheetPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const scope = await requireTownScope("/staff/bookings/sheet");
  const page = await daySheetPage(scope, await searchParams);
  const town = page.sheet && (await townOfVenue(page.sheet.venue.slug));
  return (
    <DaySheetPage
      action="/staff/bookings/sheet"
      back={{ href: "/staff/bookings", label: "返回预约列表" }}
      {...page}
      town={town?.name ?? null}
    />
  );
}
