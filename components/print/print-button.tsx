"use client";

import { secondaryButton } from "@/components/form/styles";

/** Opens the browser's print dialogue; pages that have one also say how to print without it. */
export function PrintButton({ label = "打印" }: { label?: string }) {
  return (
    <button type="button" className={secondaryButton} onClick={() => window.print()}>
      {label}
    </button>
  );
}
