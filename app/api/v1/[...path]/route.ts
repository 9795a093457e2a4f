import { unknownPath } from "@/lib/api/http";

// Any /api/v1 path no route file serves: the error shape, not Next.js's HTML page, whatever the method.
export const GET = unknownPath;
export const HEAD = unknownPath;
export const POST = unknownPath;
export const PUT = unknownPath;
export const PATCH = unknownPath;
export const DELETE = unknownPath;
export const OPTIONS = unknownPath;
