"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { primaryButton } from "./styles";

/** The form's button; says it is working while the action runs (with JavaScript). */
export function SubmitButton({
  children,
  pendingText = "正在提交…",
  className = primaryButton,
  name,
  value,
}: {
  children: ReactNode;
  pendingText?: string;
  className?: string;
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" name={name} value={value} disabled={pending} className={className}>
      {pending ? pendingText : children}
    </button>
  );
}
