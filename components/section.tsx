import type { ReactNode } from "react";

/**
 * A titled part of a page: a section named by its h2 (aria-labelledby), so screen readers list it
 * among the page's regions by that title.
 */
export function Section({
  id,
  title,
  className,
  children,
}: {
  id: string;
  title: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className="text-xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}
