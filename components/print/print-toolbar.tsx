import type { ReactNode } from "react";
import { BackLink } from "@/components/back-link";
import { PrintButton } from "./print-button";

/** Above a print-out, on screen only: the way back, how to print it (with or without JavaScript) and the button. */
export function PrintToolbar({ back, children }: { back?: { href: string; label: string }; children?: ReactNode }) {
  return (
    <div className="space-y-3 print:hidden">
      {back && <BackLink href={back.href}>{back.label}</BackLink>}
      {children}
      <p>用 A4 纸纵向打印，缩放选“默认”（100%），不要选“适合页面”。也可以用浏览器菜单里的“打印”。</p>
      <PrintButton />
    </div>
  );
}
