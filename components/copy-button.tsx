"use client";

import { useState, useSyncExternalStore } from "react";
import { secondaryButton } from "@/components/form/styles";

const subscribeToNothing = () => () => {};

/**
 * Copies `text` to the clipboard. Rendered only once JavaScript runs: without it the button could
 * do nothing, and the text stays on the page to select by hand. Where the browser refuses (no
 * clipboard outside HTTPS, an old WebView), the element `targetId` is selected instead.
 */
export function CopyButton({ text, targetId, label }: { text: string; targetId: string; label: string }) {
  const hydrated = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
  const [result, setResult] = useState("");
  if (!hydrated) return null;

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setResult("已复制。");
    } catch {
      const target = document.getElementById(targetId);
      if (target) window.getSelection()?.selectAllChildren(target);
      setResult("这部手机不能自动复制。链接已选中，请长按它，再选“复制”。");
    }
  }

  return (
    <div className="space-y-1">
      <button type="button" onClick={copy} className={secondaryButton}>
        {label}
      </button>
      <p role="status" aria-live="polite">
        {result}
      </p>
    </div>
  );
}
