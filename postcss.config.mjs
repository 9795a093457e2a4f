// Tailwind 4 writes its whole output inside cascade layers (`@layer theme, base, components,
// utilities`). Browsers older than Chrome 99, which many villagers' old Android phones still run,
// drop every `@layer` block whole: the pages lost all their layout, sizes and colours there.
// @csstools/postcss-cascade-layers, run after Tailwind, takes the layers out and keeps their
// order with specificity instead (each later layer, then the unlayered rules, gets more
// `:not(#\#)`), so every browser applies the same rules in the same order as before
// (e2e/old-browser.spec.ts checks this in Chromium 92). Nothing else is needed for those
// engines: Tailwind's own Lightning CSS pass already turns range media queries into min-width,
// unnests, and gives every oklch() and color-mix() colour an sRGB hex fallback (the modern value
// is kept behind `@supports`).
//
// The plugin must see all the layered CSS at once, and it sees one file at a time: a CSS file
// imported by a component is not flattened with the rest, and its unlayered rules would then lose
// to utilities in every browser (natively, unlayered rules win over every layer). Import such a
// file in app/globals.css too, as components/print/print.css is.
export default {
  plugins: {
    "@tailwindcss/postcss": {},
    "@csstools/postcss-cascade-layers": {},
  },
};
