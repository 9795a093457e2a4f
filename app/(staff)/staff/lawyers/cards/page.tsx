import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CardSheet } from "@/components/print/card-sheet";
import { PrintToolbar } from "@/components/print/print-toolbar";
import { PublicAddressWarning } from "@/components/staff/public-address-warning";
import { can } from "@/lib/auth/can";
import { requireTownScope } from "@/lib/auth/session";
import { listCardSheets } from "@/lib/print/queries";
import { publicAddressWarning } from "@/lib/site/queries";

export const metadata: Metadata = { title: "全部律师通讯卡" };

export default async function AllLawyerCardsPage() {
  const scope = await requireTownScope("/staff/lawyers/cards");
  const user = scope.actor;
  const sheets = await listCardSheets(scope);
  if (!sheets) notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold print:hidden">全部律师的通讯卡</h1>
      <PublicAddressWarning address={await publicAddressWarning()} canSet={can.manageSite(user)} />
      <PrintToolbar back={{ href: "/staff/lawyers", label: "返回律师列表" }}>
        <p>每位在职律师一页 A4 纸，每页 10 张名片大小（90 × 54 毫米）的通讯卡，共 {sheets.length} 页。沿边上的裁切线剪开。</p>
      </PrintToolbar>
      {sheets.length === 0 ? <p>还没有在职的律师。</p> : sheets.map((sheet) => <CardSheet key={sheet.lawyer.id} sheet={sheet} />)}
    </div>
  );
}
