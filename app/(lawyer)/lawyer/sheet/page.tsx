import type { Metadata } from "next";
import { DaySheetPage } from "@/components/print/day-sheet-page";
import { requireLawyer } from "@/lib/auth/session";
import { fieldErrors } from "@/lib/form";
import { listSheetVenues, openDaySheet } from "@/lib/print/queries";
import { daySheetQuery } from "@/lib/print/schema";
import { todayInShanghai } from "@/lib/time";

export const metadata: Metadata = { title: "当天预约名单" };

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

// The lawyer's own bookings only (lib/print/queries.ts asks lib/auth/can.ts lawyerScope).
export default async function LawyerDaySheetPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireLawyer("/lawyer/sheet");
  const raw = await searchParams;
  const values = { venue: first(raw.venue) ?? "", date: first(raw.date) ?? todayInShanghai() };
  const parsed = daySheetQuery.safeParse(values);
  const asked = first(raw.venue) !== undefined;
  const [venues, sheet] = await Promise.all([listSheetVenues(user), parsed.success ? openDaySheet(user, parsed.data) : null]);
  const errors = !asked
    ? {}
    : parsed.success
      ? sheet
        ? {}
        : { venue: "没有这个服务地点，请从列表中选择。" }
      : fieldErrors(parsed.error);
  return (
    <DaySheetPage
      action="/lawyer/sheet"
      back={{ href: "/lawyer", label: "返回我的预约" }}
      venues={venues}
      values={sheet ? { ...values, venue: sheet.venue.slug } : values}
      errors={errors}
      sheet={sheet}
    />
  );
}
