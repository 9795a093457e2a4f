// The OpenAPI 3.1 description of /api/v1, written by hand to match the zod schemas in
// lib/booking/schema.ts and lib/api/schema.ts (an API test checks the paths against the routes).
const error = (codes: string[]) => ({
  description: codes.join(" / "),
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});
const ok = (description: string, ref: string) => ({
  description,
  content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } },
});
const codeParam = { name: "code", in: "path", required: true, schema: { type: "string", example: "K7MPXA" } };
const phone = {
  type: "string",
  pattern: "^1[3-9]\\d{9}$",
  description: "中国大陆手机号码（可带空格、短横线或 +86）",
  example: "13812345678",
};
const instant = { type: "string", format: "date-time", description: "带时区偏移的时间", example: "2026-12-01T09:00:00+08:00" };

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "睦洲镇公共法律服务预约 API",
    version: "1.0.0",
    description:
      "供微信小程序和省 12348 平台使用。所有时间为 Asia/Shanghai（+08:00）。错误统一为 { error: { code, message, fields? } }，message 为简体中文。",
  },
  servers: [{ url: "/api/v1" }],
  paths: {
    "/venues": {
      get: { summary: "服务地点列表（镇工作站和 15 个村居工作室）", responses: { 200: ok("地点", "VenueList") } },
    },
    "/topics": { get: { summary: "咨询事项列表", responses: { 200: ok("事项", "TopicList") } } },
    "/venues/{slug}/slots": {
      get: {
        summary: "某地点的空闲时间",
        parameters: [
          { name: "slug", in: "path", required: true, schema: { type: "string", example: "nanzhen" } },
          { name: "from", in: "query", schema: { type: "string", format: "date" }, description: "默认今天" },
          {
            name: "to",
            in: "query",
            schema: { type: "string", format: "date" },
            description: "默认预约期限的最后一天；一次最多 31 天",
          },
        ],
        responses: { 200: ok("按开始时间排序的空闲时间", "SlotList"), 400: error(["invalid_input"]), 404: error(["not_found"]) },
      },
    },
    "/bookings": {
      post: {
        summary: "预约",
        requestBody: {
          required: true,
          content: { "application/json": { schema: { $ref: "#/components/schemas/CreateBooking" } } },
        },
        responses: {
          201: ok("预约成功", "Booking"),
          400: error(["invalid_input"]),
          409: error(["slot_taken", "slot_unavailable", "too_many_bookings"]),
        },
      },
    },
    "/bookings/{code}": {
      get: {
        summary: "查询预约（预约号和手机号码都要对）",
        parameters: [codeParam, { name: "phone", in: "query", required: true, schema: phone }],
        responses: { 200: ok("预约", "Booking"), 400: error(["invalid_input"]), 404: error(["not_found"]) },
      },
    },
    "/bookings/{code}/cancel": {
      post: {
        summary: "取消预约",
        parameters: [codeParam],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: { type: "object", required: ["phone"], properties: { phone, reason: { type: "string", maxLength: 200 } } },
            },
          },
        },
        responses: {
          200: ok("已取消", "Booking"),
          400: error(["invalid_input"]),
          404: error(["not_found"]),
          409: error(["slot_unavailable"]),
        },
      },
    },
    "/bookings/{code}/reschedule": {
      post: {
        summary: "改期（新时间被占用时原预约不变）",
        parameters: [codeParam],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["phone", "start"],
                properties: { phone, start: instant, lawyerId: { type: "string" } },
              },
            },
          },
        },
        responses: {
          200: ok("新的时间", "Booking"),
          400: error(["invalid_input"]),
          404: error(["not_found"]),
          409: error(["slot_taken", "slot_unavailable", "too_many_bookings"]),
        },
      },
    },
  },
  components: {
    schemas: {
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: {
              code: {
                type: "string",
                enum: ["invalid_input", "not_found", "slot_taken", "slot_unavailable", "too_many_bookings", "internal_error"],
              },
              message: { type: "string", example: "这个时间刚刚被别人约走了，请选择其他时间。" },
              fields: { type: "object", additionalProperties: { type: "string" }, description: "按输入项名称给出的错误" },
            },
          },
        },
      },
      VenueList: {
        type: "object",
        properties: {
          venues: {
            type: "array",
            items: {
              type: "object",
              required: ["slug", "name", "kind", "village", "address"],
              properties: {
                slug: { type: "string" },
                name: { type: "string" },
                kind: { type: "string", enum: ["station", "workroom"] },
                village: { type: ["string", "null"] },
                address: { type: "string" },
              },
            },
          },
        },
      },
      TopicList: {
        type: "object",
        properties: {
          topics: {
            type: "array",
            items: { type: "object", properties: { code: { type: "string" }, name: { type: "string" } } },
          },
        },
      },
      Lawyer: { type: "object", required: ["id", "name"], properties: { id: { type: "string" }, name: { type: "string" } } },
      SlotList: {
        type: "object",
        properties: {
          timeZone: { const: "Asia/Shanghai" },
          slots: {
            type: "array",
            items: {
              type: "object",
              properties: { start: instant, end: instant, lawyer: { $ref: "#/components/schemas/Lawyer" } },
            },
          },
        },
      },
      CreateBooking: {
        type: "object",
        required: ["venue", "start", "name", "phone", "topic", "consent"],
        properties: {
          venue: { type: "string", description: "地点 slug" },
          start: instant,
          lawyerId: { type: "string", description: "不填则由系统安排一位空闲律师" },
          name: { type: "string", maxLength: 40 },
          phone,
          village: { type: "string", maxLength: 40 },
          topic: { type: "string", description: "事项 code" },
          description: { type: "string", maxLength: 500, description: "情况简述；调用方须另行取得当事人对敏感信息的单独同意" },
          onBehalfOf: {
            type: "object",
            required: ["name", "relation"],
            properties: { name: { type: "string", maxLength: 40 }, relation: { type: "string", maxLength: 20 } },
          },
          priorityGroup: { type: "string", enum: ["elderly", "disability", "migrant", "low-income", "other"] },
          consent: { const: true, description: "当事人已阅读个人信息告知并同意" },
        },
      },
      Booking: {
        type: "object",
        required: ["code", "status", "start", "end", "venue", "lawyer"],
        properties: {
          code: { type: "string" },
          status: { type: "string", enum: ["confirmed", "checked_in", "done", "no_show", "cancelled"] },
          start: instant,
          end: instant,
          venue: {
            type: "object",
            properties: { slug: { type: "string" }, name: { type: "string" }, address: { type: "string" } },
          },
          lawyer: { $ref: "#/components/schemas/Lawyer" },
        },
      },
    },
  },
} as const;
