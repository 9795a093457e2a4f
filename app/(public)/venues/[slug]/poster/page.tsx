import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { PrintToolbar } from "@/components/print/print-toolbar";
import { VenuePoster } from "@/components/print/venue-poster";
import { isPlainText } from "@/lib/form-values";
import { getVenuePoster } from "@/lib/print/queries";
import { townOfVenue } from "@/lib/towns/queries";

type Props = { params: Promise<{ slug: string }> };

// Public, so that a village cadre can print the notice-board poster of their own workroom.
const loadPoster = cache(async (slug: string) => (isPlainText(slug) ? getVenuePoster(slug) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const poster = await loadPoster((await params).slug);
  return { title: poster ? `${poster.venue.name} · 预约海报` : "找不到这个地点" };
}

export default async function VenuePosterPage({ params }: Props) {
  const { slug } = await params;
  const [poster, town] = await Promise.all([loadPoster(slug), isPlainText(slug) ? townOfVenue(slug) : null]);
  if (!poster || !town) notFound();
  return (
    <div className="space-y-6">
      <PrintToolbar back={{ href: `/venues/${poster.venue.slug}`, label: `返回${poster.venue.name}的预约页面` }}>
        <p>这是贴在村（社区）公告栏的海报：二维码打开这里的网上预约，下面是律师坐班时间和电话。</p>
      </PrintToolbar>
      <VenuePoster poster={poster} town={town} />
    </div>
  );
}
