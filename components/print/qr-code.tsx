import { createQrSymbol, type QrLevel } from "@/lib/print/qr";

type Props = { url: string; label: string; level?: QrLevel; className?: string };

/**
 * A QR code as inline SVG, drawn on the server; `label` says where it leads, for screen readers and
 * anyone who cannot scan (the page prints the address beside it as well). With `id`, its path can be
 * drawn again by QrCopy.
 */
export function QrCode({ url, label, level, className, id }: Props & { id?: string }) {
  const { size, path } = createQrSymbol(url, { level });
  return (
    <svg viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges" className={className}>
      <rect width={size} height={size} fill="#fff" />
      <path id={id} d={path} fill="none" stroke="#000" strokeWidth={1} />
    </svg>
  );
}

/**
 * The code a QrCode with this `id` drew, drawn again without repeating its path: a sheet of ten
 * cards would otherwise carry the same few kilobytes ten times.
 */
export function QrCopy({ of, url, label, level, className }: Props & { of: string }) {
  const { size } = createQrSymbol(url, { level });
  return (
    <svg viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges" className={className}>
      <rect width={size} height={size} fill="#fff" />
      <use href={`#${of}`} />
    </svg>
  );
}
