"use client";

// The 长辈模式 switch. Without JavaScript it is a form: the route sets the cookie and leads back to
// this page (`next`). With JavaScript the same route is asked by fetch and the page changes in place,
// so that a half-filled form keeps what was typed.
import { usePathname, useSearchParams } from "next/navigation";
import { type FormEvent, useEffect, useState } from "react";
import { LARGE_TEXT_FIELD } from "@/lib/preferences";

/** Told to every switch on the page when one of them changes the size (the header's and the form's). */
const CHANGED = "muzhou:large-text";

/** The header's switch form: a button elsewhere on the page (LargeTextButton) submits it by this id. */
export const SWITCH_FORM_ID = "large-text-switch";

/** Whether large text is on, following every switch on the page. */
function useLargeText(initial: boolean): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(initial);
  useEffect(() => {
    const follow = (event: Event) => setOn((event as CustomEvent<boolean>).detail);
    window.addEventListener(CHANGED, follow);
    return () => window.removeEventListener(CHANGED, follow);
  }, []);
  return [on, setOn];
}

const label = (on: boolean) => (on ? "恢复标准字号" : "大字（长辈模式）");

/**
 * The same switch as a button inside another form, beside the field where it is wanted (issue 22
 * item 13: at the phone field a villager need not scroll back to the header). With JavaScript it
 * submits the header's form, which switches in place. Without, it submits its own form with
 * LARGE_TEXT_FIELD, whose action switches the size and gives back everything typed (lib/action.ts).
 */
export function LargeTextButton({ largeText }: { largeText: boolean }) {
  const [on] = useLargeText(largeText);
  return (
    <button
      type="submit"
      name={LARGE_TEXT_FIELD}
      value={on ? "off" : "on"}
      onClick={(event) => {
        const header = document.getElementById(SWITCH_FORM_ID);
        // An engine without requestSubmit posts this form instead, as without JavaScript.
        if (!(header instanceof HTMLFormElement) || typeof header.requestSubmit !== "function") return;
        event.preventDefault();
        header.requestSubmit();
      }}
      className="ms-1 inline-flex min-h-11 items-center font-semibold text-brand-800 underline"
    >
      {label(on)}
    </button>
  );
}

export function LargeTextSwitch({ largeText }: { largeText: boolean }) {
  const [on] = useLargeText(largeText);
  const search = useSearchParams().toString();
  const next = `${usePathname()}${search ? `?${search}` : ""}`;

  async function toggle(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
      });
      if (!response.ok) throw new Error(`large-text switch: ${response.status}`);
    } catch {
      // The network or the server failed: the plain form post still switches, reloading the page.
      form.submit();
      return;
    }
    document.documentElement.dataset.largeText = on ? "off" : "on";
    window.dispatchEvent(new CustomEvent(CHANGED, { detail: !on }));
  }

  return (
    <form id={SWITCH_FORM_ID} method="post" action="/preferences/large-text" onSubmit={toggle} aria-label="字号">
      <input type="hidden" name="on" value={on ? "0" : "1"} />
      <input type="hidden" name="next" value={next} />
      <button
        type="submit"
        className="inline-flex min-h-11 items-center rounded-lg border-2 border-brand-700 bg-white px-4 font-semibold text-brand-800 hover:bg-brand-100"
      >
        {label(on)}
      </button>
    </form>
  );
}
