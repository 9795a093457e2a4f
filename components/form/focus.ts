"use client";

import { type RefObject, useEffect } from "react";

/**
 * Gives `element` the focus (it needs tabIndex={-1}) and scrolls it wholly into view. The scroll
 * is asked for explicitly rather than left to focus(), which stops as soon as any part shows.
 */
export function bringIntoView(element: HTMLElement | null) {
  if (!element) return;
  element.focus({ preventScroll: true });
  element.scrollIntoView({ block: "nearest" });
}

/**
 * Where the eye should go, with JavaScript: `ref`'s element is brought into view and focused once
 * it is shown, and again whenever `again` changes (a new answer to a form that stays mounted).
 * Used for the error summary after a refused submit and the result after a successful one.
 * Without JavaScript a plain post renders the page afresh, with the answer at the form's top.
 */
export function useFocusOnShow(ref: RefObject<HTMLElement | null>, when = true, again?: unknown) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: `again` changes for each new answer, so a region that stays mounted is focused again
  useEffect(() => {
    if (when) bringIntoView(ref.current);
  }, [ref, when, again]);
}
