"use client";

import { secondaryButton } from "@/components/form";

export function PrintButton() {
  return (
    <button type="button" className={secondaryButton} onClick={() => window.print()}>
      打印
    </button>
  );
}
