import Link from "next/link";
import type { ReactNode } from "react";
import { textLink } from "@/components/form";

/** The way back at the top of a page: "← 返回…". */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p>
      <Link href={href} className={textLink}>
        ← {children}
      </Link>
    </p>
  );
}
