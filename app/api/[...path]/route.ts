import { unknownPath } from "@/lib/api/http";

// Any /api path no route file serves (/api/v2/venues, /api/venues): the API's JSON 404, not
// Next.js's HTML page, whatever the method (issue 25 item 5). /api/v1 has its own, for the same.
export const GET = unknownPath;
export const HEAD = unknownPath;
export const POST = unknownPath;
export const PUT = unknownPath;
export const PATCH = unknownPath;
export const DELETE = unknownPath;
export const OPTIONS = unknownPath;
