import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CardSheet } from "@/components/print/card-sheet";
import { PrintToolbar } from "@/components/print/print-toolbar";
import { requireLawyer } from "@/lib/auth/session";
import { getCardSheet } from "@/lib/print/queries";

export const metadata: Metadata = { title: "我的通讯卡" };

export default async function MyCardsPage() {
  const user = await requireLawyer("/lawyer/cards");
  const sheet = await getCardSheet(user, user.lawyerId);
  if (!sheet) notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold print:hidden">我的通讯卡</h1>
      <PrintToolbar>
        <p>
          名片大小（90 × 54 毫米），一张 A4 纸 10
          张，沿边上的裁切线剪开，发给村民。卡上的电话、服务的村和坐班时间来自司法所登记的资料和您的“值班时间”；有误请联系司法所或修改值班时间后再打印。
        </p>
      </PrintToolbar>
      <CardSheet sheet={sheet} />
    </div>
  );
}
