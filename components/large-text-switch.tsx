"use client";

// The 长辈模式 switch. Without JavaScript it is a form: the route sets the cookie and leads back to
// this page (`next`). With JavaScript the same route is asked by fetch and the page changes in place,
// so that a half-filled form keeps what was typed.
import { usePathname, useSearchParams } from "next/navigation";
import { type FormEvent, useEffect, useState } from "react";

/** Told to every switch on the page when one of them changes the size (the header's and the form's). */
const CHANGED = "muzhou:large-text";

/**
 * The switch; `label` names its form, unique on the page (the header's is 字号; one beside a form,
 * where a villager need not scroll back up for it, has its own).
 */
export function LargeTextSwitch({ largeText, label = "字号" }: { largeText: boolean; label?: string }) {
  const [on, setOn] = useState(largeText);
  useEffect(() => {
    const follow = (event: Event) => setOn((event as CustomEvent<boolean>).detail);
    window.addEventListener(CHANGED, follow);
    return () => window.removeEventListener(CHANGED, follow);
  }, []);
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
    <form method="post" action="/preferences/large-text" onSubmit={toggle} aria-label={label}>
      <input type="hidden" name="on" value={on ? "0" : "1"} />
      <input type="hidden" name="next" value={next} />
      <button
        type="submit"
        className="inline-flex min-h-11 items-center rounded-lg border-2 border-brand-700 bg-white px-4 font-semibold text-brand-800 hover:bg-brand-100"
      >
        {on ? "恢复标准字号" : "大字（长辈模式）"}
      </button>
    </form>
  );
}
