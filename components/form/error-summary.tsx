"use client";

import { useId, useRef } from "react";
import { useFocusOnShow } from "./focus";

export type SummaryError = { id: string; message: string };

/**
 * The errors of a submitted form, at its top: announced (role="alert"), focused and scrolled
 * into view when JavaScript runs (focus.ts), each a link to its field. Without JavaScript the
 * links still scroll to the fields.
 */
export function ErrorSummary({ message, errors }: { message: string; errors: SummaryError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useFocusOnShow(ref);
  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      aria-labelledby={titleId}
      className="scroll-m-4 space-y-2 rounded-lg border-4 border-red-700 bg-red-50 p-4"
    >
      <h2 id={titleId} className="text-xl font-bold text-red-900">
        {message}
      </h2>
      {errors.length > 0 && (
        <ul className="space-y-1">
          {errors.map((error) => (
            <li key={error.id}>
              <a
                href={`#${error.id}`}
                onClick={(event) => {
                  const field = document.getElementById(error.id);
                  if (!field) return;
                  event.preventDefault();
                  field.scrollIntoView({ block: "center" });
                  field.focus();
                }}
                className="inline-flex min-h-11 items-center font-semibold text-red-900 underline underline-offset-4"
              >
                {error.message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
