import type { ReactNode } from "react";
import { textLink } from "@/components/form/styles";

/** The way back at the top of a page: "← 返回…". */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p>
      <a href={href} className={textLink}>
        ← {children}
      </a>
    </p>
  );
}
