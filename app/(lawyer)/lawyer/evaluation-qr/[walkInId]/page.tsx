import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { ShowEvaluationQrForm } from "@/components/evaluation-forms";
import { QrCode } from "@/components/print/qr-code";
import { Section } from "@/components/section";
import { requireLawyer } from "@/lib/auth/session";
import { findWalkInEvaluation } from "@/lib/evaluations/queries";
import { recordId } from "@/lib/evaluations/schema";
import { linkOn, loadPublicAddress } from "@/lib/site/queries";
import { formatDate, formatTime, toDateString } from "@/lib/time";

export const metadata: Metadata = { title: "请村民扫码评价" };

/**
 * A walk-in's evaluation QR code, shown on the lawyer's phone for the villager to scan: a one-time
 * link on the site's public address, good for 24 hours. Whose answers they were is not shown here.
 */
export default async function EvaluationQrPage({ params }: { params: Promise<{ walkInId: string }> }) {
  const raw = (await params).walkInId;
  const user = await requireLawyer(`/lawyer/evaluation-qr/${raw}`);
  const id = recordId.safeParse(raw);
  if (!id.success) notFound();
  // Another lawyer's walk-in is "not found", exactly like one that does not exist.
  const found = await findWalkInEvaluation(user, id.data);
  if (!found) notFound();
  const { walkIn, evaluation, link } = found;
  const url = link ? linkOn(await loadPublicAddress(), `/evaluate/${link.token}`) : null;
  return (
    <div className="space-y-6">
      <BackLink href="/lawyer/log">返回工作日志</BackLink>
      <h1 className="text-2xl font-bold">请村民扫码评价</h1>
      <p>
        现场咨询：{formatDate(toDateString(walkIn.at))} {formatTime(walkIn.at)} · {walkIn.venue} · {walkIn.name}
      </p>
      {evaluation ? (
        <p role="status" className="rounded-lg border-2 border-green-700 bg-green-50 p-3 font-semibold">
          这次咨询已经评价过了，不需要再出示二维码。谢谢！
        </p>
      ) : url && link ? (
        <Section id="qr-heading" title="请村民用手机扫一扫" className="space-y-3">
          <p>用微信“扫一扫”或手机相机扫描下面的二维码，就能评价。不用填姓名和电话，只能评价一次。</p>
          <QrCode url={url} label="评价这次服务的二维码" level="M" className="mx-auto block w-full max-w-80" />
          <p>
            有效期到 {formatDate(toDateString(link.expiresAt))} {formatTime(link.expiresAt)}
            。不方便扫码的，可以请村民填写纸质评价表，交司法所录入。
          </p>
          <p className="break-all text-gray-700">网址：{url}</p>
        </Section>
      ) : (
        <Section id="qr-heading" title="出示评价二维码" className="space-y-3">
          <p>点下面的按钮，手机上会出现一个二维码，请村民扫码评价这次咨询。二维码 24 小时内有效，只能用一次。</p>
          <ShowEvaluationQrForm walkInId={walkIn.id} />
        </Section>
      )}
    </div>
  );
}
