"use client";

import { secondaryButton } from "@/components/consultations/form-parts";

export function PrintButton() {
  return (
    <button type="button" className={secondaryButton} onClick={() => window.print()}>
      打印
    </button>
  );
}
