import { Fragment } from "react";

/**
 * An address on paper that wraps only after a "/" ("…/venues/" then "station"), never inside a
 * name ("statio/n") nor at a hyphen: each part stays whole, with a break opportunity after it.
 */
export function UrlText({ url }: { url: string }) {
  // After each "/" that does not start "//": "http://", "host/", "venues/", "station".
  const parts = url.split(/(?<=\/)(?!\/)/);
  return (
    <>
      {parts.map((part, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one address never move
        <Fragment key={i}>
          {i > 0 && <wbr />}
          <span className="whitespace-nowrap">{part}</span>
        </Fragment>
      ))}
    </>
  );
}
