import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LinkEvaluationForm } from "@/components/evaluation-forms";
import { findEvaluationLink } from "@/lib/evaluations/queries";
import { linkToken } from "@/lib/evaluations/schema";
import { formatDate, formatTime, toDateString } from "@/lib/time";

export const metadata: Metadata = { title: "评价这次服务", referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ done?: string }> };

/** The page a walk-in's QR code opens: the one-time link is the only proof, and works once. */
export default async function EvaluateByLinkPage({ params, searchParams }: Props) {
  const token = linkToken.safeParse((await params).token);
  if (!token.success) notFound();
  const link = await findEvaluationLink(token.data);
  if (!link) notFound();
  const { done } = await searchParams;
  const about = `${formatDate(toDateString(link.at))} ${formatTime(link.at)}，${link.venue}，${link.lawyer}律师`;
  return (
    <div className="space-y-6">
      {done && link.state === "used" && (
        <p role="status" className="rounded-lg border-2 border-green-700 bg-green-50 p-3 font-semibold">
          谢谢您的评价！已经交给司法所，用来改进服务。
        </p>
      )}
      <h1 className="text-2xl font-bold">评价这次服务</h1>
      <p>咨询：{about}</p>
      {link.state === "open" && (
        <>
          <p>请回答两个问题，意见可写可不写。每个二维码只能评价一次，不用填姓名和电话。</p>
          <LinkEvaluationForm token={token.data} />
        </>
      )}
      {link.state === "used" && !done && <p role="status">这个评价二维码已经用过了，每个二维码只能评价一次。谢谢您！</p>}
      {link.state === "expired" && (
        <p role="status">这个评价二维码已经过期（出示后 24 小时内有效）。如还想评价，请律师重新出示二维码，或拨打 12348。</p>
      )}
    </div>
  );
}
