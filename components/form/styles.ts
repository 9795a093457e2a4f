// The look of every control and button: large targets (at least 48 px high), strong borders.
export const inputClass = "min-h-12 w-full rounded-lg border-2 border-gray-600 bg-white px-3 py-2 text-lg";
const button =
  "inline-flex min-h-12 w-full items-center justify-center rounded-lg px-5 py-2 text-lg disabled:opacity-70 sm:w-auto";
export const primaryButton = `${button} bg-brand-700 font-bold text-white hover:bg-brand-800`;
export const secondaryButton = `${button} border-2 border-brand-700 bg-white font-semibold text-brand-800 hover:bg-brand-50`;
export const dangerButton = `${button} bg-red-800 font-bold text-white hover:bg-red-900`;
export const textLink = "inline-flex min-h-11 items-center font-semibold text-brand-800 underline underline-offset-4";
/** The same buttons a size down, for a row of actions on a card in a list: still a 44 px target. */
const smallButton = "inline-flex min-h-11 items-center justify-center rounded-lg px-3 py-1 text-base disabled:opacity-70";
export const smallPrimaryButton = `${smallButton} bg-brand-700 font-bold text-white hover:bg-brand-800`;
export const smallSecondaryButton = `${smallButton} border-2 border-brand-700 bg-white font-semibold text-brand-800 hover:bg-brand-50`;
