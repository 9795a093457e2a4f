"use client";

import { type ReactNode, useEffect, useRef } from "react";
import { bringIntoView } from "@/components/form/focus";

/**
 * The heading of what a link leads to, e.g. a day's times after choosing the date
 * (`?date=…#slots`): focused when the address ends in `#fragment` (the MOJ pattern), so that a
 * screen reader reads on from there and the keyboard goes on from there, not from the date link
 * now scrolled away. Without JavaScript the fragment still scrolls the page to it. Key it by what
 * it heads (the date), so that it is focused again for the next one.
 */
export function ArrivalHeading({
  fragment,
  id,
  className,
  children,
}: {
  fragment: string;
  id: string;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (window.location.hash === `#${fragment}`) bringIntoView(ref.current);
  }, [fragment]);
  return (
    <h2 ref={ref} id={id} tabIndex={-1} className={className}>
      {children}
    </h2>
  );
}
