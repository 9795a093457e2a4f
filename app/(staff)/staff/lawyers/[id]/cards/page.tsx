import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CardSheet } from "@/components/print/card-sheet";
import { PrintToolbar } from "@/components/print/print-toolbar";
import { requireTownScope } from "@/lib/auth/session";
import { getCardSheet } from "@/lib/print/queries";

export const metadata: Metadata = { title: "律师通讯卡" };

export default async function LawyerCardsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const scope = await requireTownScope(`/staff/lawyers/${id}/cards`);
  const sheet = await getCardSheet(scope, id);
  // Only serving lawyers have cards: a deactivated one's would send villagers to nobody.
  if (!sheet) notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold print:hidden">{sheet.lawyer.name}的通讯卡</h1>
      <PrintToolbar back={{ href: `/staff/lawyers/${id}`, label: "返回律师资料" }}>
        <p>名片大小（90 × 54 毫米），一张 A4 纸 10 张，沿边上的裁切线剪开，发给村民。</p>
      </PrintToolbar>
      <CardSheet sheet={sheet} />
    </div>
  );
}
