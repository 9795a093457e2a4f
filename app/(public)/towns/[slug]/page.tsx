import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { TownVenues } from "@/components/venue-list";
import { findTown, listPublicVenues } from "@/lib/towns/queries";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const town = await findTown((await params).slug);
  return { title: town ? `${town.name}的服务地点` : "没有这个镇" };
}

/** A town's station and workrooms (a district deployment; with one town the home page is this). */
export default async function TownPage({ params }: Props) {
  const town = await findTown((await params).slug);
  if (!town) notFound();
  const venues = await listPublicVenues({ town: town.slug });
  return (
    <div className="space-y-6">
      <BackLink href="/">选择其他镇（街道）</BackLink>
      <section aria-labelledby="intro" className="space-y-2">
        <h1 id="intro" className="text-2xl font-bold leading-snug">
          {town.name}：免费法律咨询，预约律师
        </h1>
        <p>
          请选择离您最近的地点。也可以到{town.officeName}当面咨询，地址：{town.officeAddress}。
        </p>
      </section>
      <TownVenues venues={venues} />
    </div>
  );
}
