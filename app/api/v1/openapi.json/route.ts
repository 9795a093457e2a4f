import { otherMethods } from "@/lib/api/http";
import { openApiDocument } from "@/lib/api/openapi";

export function GET() {
  return Response.json(openApiDocument);
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
