import { withCors } from "@/lib/api/cors";
import { guarded, otherMethods } from "@/lib/api/http";
import { openApiDocument } from "@/lib/api/openapi";
import { linkOn, loadPublicAddress } from "@/lib/site/queries";
import { siteIdentity } from "@/lib/towns/queries";

/**
 * The document with absolute addresses on the site's public address (lib/site): the server an
 * outside tool calls, and the terms it links to (issue 25 item 5); its title names the site as
 * its pages do (睦洲镇公共法律服务预约 API). The lint in npm test reads the same document with the
 * relative ones and a neutral title.
 */
export function GET(request: Request) {
  return withCors(
    request,
    guarded(async () => {
      const [address, site] = await Promise.all([loadPublicAddress(), siteIdentity()]);
      return Response.json({
        ...openApiDocument,
        info: {
          ...openApiDocument.info,
          title: `${site.title} API`,
          license: { ...openApiDocument.info.license, url: linkOn(address, "/privacy") },
        },
        servers: [{ url: linkOn(address, "/api/v1"), description: "本站（网站设置里的公开地址）" }],
      });
    }),
  );
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
