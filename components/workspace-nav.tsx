"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The tabs of a signed-in workspace; the current page is marked for screen readers and by an underline bar. */
export function WorkspaceNav({ label, links }: { label: string; links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="no-print">
      <ul className="flex flex-wrap gap-2">
        {links.map((link) => {
          const current = pathname === link.href;
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={`inline-flex min-h-11 items-center rounded-lg border-2 px-4 font-semibold ${
                  current ? "border-brand-700 bg-brand-700 text-white" : "border-brand-700 text-brand-800 hover:bg-brand-50"
                }`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
