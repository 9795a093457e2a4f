// The district's names, from its one setting (site_setting district_name, default 江门市新会区).

export const DISTRICT_NAME_KEY = "district_name";
export const DEFAULT_DISTRICT_NAME = "江门市新会区";

/** "江门市新会区" → short "新会区", bureau "江门市新会区司法局". */
export function districtNames(full: string | null | undefined): { full: string; short: string; bureau: string } {
  const name = full?.trim() || DEFAULT_DISTRICT_NAME;
  const short = name.replace(/^.*?市/, "") || name;
  return { full: name, short, bureau: `${name}司法局` };
}
