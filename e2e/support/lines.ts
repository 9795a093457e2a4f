// The lines a piece of text is laid out on, as the browser draws it: to check where it wraps
// (a URL only after a "/", a phone number never) without trusting a box's height alone.
import type { Locator } from "@playwright/test";

/** The element's text, one string per drawn line (characters grouped by the top of their box). */
export async function drawnLines(element: Locator): Promise<string[]> {
  return element.evaluate((root) => {
    const lines: { top: number; text: string }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      for (let i = 0; i < text.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect || rect.width === 0) continue;
        const last = lines.at(-1);
        if (last && Math.abs(rect.top - last.top) < rect.height / 2) last.text += text[i];
        else lines.push({ top: rect.top, text: text[i] });
      }
    }
    return lines.map((l) => l.text.trim()).filter(Boolean);
  });
}
