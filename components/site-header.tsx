import { LargeTextSwitch } from "./large-text-switch";

/** The site's header: name, home link and the 长辈模式 switch (a form, so it works without JavaScript). */
export function SiteHeader({ title, largeText }: { title: string; largeText: boolean }) {
  return (
    <header className="no-print border-b-4 border-brand-700 bg-brand-50">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <a
          href="/"
          className="inline-flex min-h-11 items-center text-xl font-bold text-brand-800 underline-offset-4 hover:underline"
        >
          {title}
        </a>
        <LargeTextSwitch largeText={largeText} />
      </div>
    </header>
  );
}
