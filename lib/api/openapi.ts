// The OpenAPI 3.1 description of /api/v1, written by hand for readable descriptions and examples.
// The API test keeps it honest: its paths against the route files, its request bodies against
// z.toJSONSchema of the zod schemas in lib/booking/schema.ts and lib/waitlist/schema.ts, its $refs against its components.
// Over 300 lines on purpose: it is one document, and splitting it would only scatter its parts.

import { type ApiErrorCode, INVALID_API_KEY_MESSAGE, messageOf, NO_TOWN, NO_VENUE, NO_WAITLIST_ENTRY } from "@/lib/api/http";
import { INTERNAL_ERROR_MESSAGE, tooManyRequests } from "@/lib/errors";
import { PRIORITY_GROUPS } from "@/lib/labels";
import { MALFORMED_PATH_MESSAGE } from "@/lib/security";
import { WEBHOOK_EVENT_NAMES, WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/rules";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const exampleTown = { slug: "muzhou", name: "睦洲镇" };

const noStore = {
  "Cache-Control": { description: "不缓存", schema: { type: "string", const: "no-store" } },
};

const errorExample = (code: ApiErrorCode | "internal_error", fields?: Record<string, string>) => ({
  value: {
    error: { code, message: code === "internal_error" ? INTERNAL_ERROR_MESSAGE : messageOf(code), ...(fields && { fields }) },
  },
});

/** An error response listing the codes it may carry, one example each. */
const errors = (description: string, examples: Record<string, ReturnType<typeof errorExample>>) => ({
  description,
  headers: noStore,
  content: { "application/json": { schema: ref("Error"), examples } },
});

const invalidInput = (fields: Record<string, string>) =>
  errors("输入有误（含请求体不是 JSON 对象）；fields 按输入项名称给出原因", {
    invalid_input: errorExample("invalid_input", fields),
  });
const notFound = errors("没有这个预约，或电话号码不对（两种情况回答相同）", { not_found: errorExample("not_found") });
const internal = errors("意外错误；不含任何内部细节", { internal_error: errorExample("internal_error") });
/** What every operation may answer to a request target that does not parse (bad %-encoding), before any route runs. */
const malformedPath = {
  description: "网址无法识别（例如不完整的 % 编码）",
  headers: noStore,
  content: {
    "application/json": {
      schema: ref("Error"),
      examples: { invalid_input: { value: { error: { code: "invalid_input", message: MALFORMED_PATH_MESSAGE } } } },
    },
  },
};

/** What an operation answers to a key that is not valid (lib/api/caller.ts); without a key nothing is checked. */
const unauthorised = {
  description: "发送了 Authorization 请求头，但其中的 API 密钥无效或已停用（不发送就不检查）",
  headers: {
    ...noStore,
    "WWW-Authenticate": {
      description: "Bearer 认证的错误说明",
      schema: { type: "string", const: 'Bearer error="invalid_token"' },
    },
  },
  content: {
    "application/json": {
      schema: ref("Error"),
      examples: { invalid_api_key: { value: { error: { code: "invalid_api_key", message: INVALID_API_KEY_MESSAGE } } } },
    },
  },
};

/** The 429 the server gives for `what` (查询, 预约, 候补登记) with a minute to wait (lib/errors.ts tooManyRequests). */
const tooManyExample = (what: string) => ({
  value: { error: { code: "too_many_requests", message: tooManyRequests(60, what).message } },
});
/** A 429 from the limits on tries (lib/rate-limit.ts), with Retry-After. */
const tooMany = (description: string, what = "查询") => ({
  description,
  headers: {
    ...noStore,
    "Retry-After": { description: "多少秒后可以再试", schema: { type: "integer", minimum: 1 } },
  },
  content: { "application/json": { schema: ref("Error"), examples: { too_many_requests: tooManyExample(what) } } },
});
/** The RateLimit headers (IETF draft draft-ietf-httpapi-ratelimit-headers) of an operation counted against an allowance. */
const rateLimitHeaders = {
  "RateLimit-Policy": {
    description: '计数的额度：来源地址的（"address"）或接入方的（"client"），q 次 / w 秒，例如 "address";q=100;w=3600',
    schema: { type: "string" },
  },
  RateLimit: {
    description: '额度还剩 r 次，t 秒后重新计数，例如 "address";r=99;t=3540',
    schema: { type: "string" },
  },
};
/** A response of a counted operation, with the RateLimit headers. */
const counted = <R extends { headers?: Record<string, unknown> }>(response: R) => ({
  ...response,
  headers: { ...response.headers, ...rateLimitHeaders },
});
const LOOK_UP_LIMIT =
  "按预约号和预约时留的电话号码查询、取消、改期，对不上的尝试每个电话号码每小时最多 10 次、每个来源地址每分钟最多 30 次（对上的不计）；超过时回答 429 too_many_requests。";
const lookUpLimited = tooMany(
  "对不上的尝试太多（每个电话号码每小时 10 次，每个来源地址每分钟 30 次）；按 Retry-After 等待后再试",
);

const ok = (description: string, schema: string, example: unknown) => ({
  description,
  headers: noStore,
  content: { "application/json": { schema: ref(schema), example } },
});

const jsonBody = (schema: string) => ({ required: true, content: { "application/json": { schema: ref(schema) } } });

/** A booking answer carries its version as ETag, for If-Match on the next change (no lost updates). */
const withEtag = (response: ReturnType<typeof ok>) => ({
  ...response,
  headers: {
    ...response.headers,
    ETag: {
      description: "预约的版本（每次改动都会变），改期或取消时放在 If-Match 里，可防止覆盖别人刚做的改动",
      schema: { type: "string", example: '"3"' },
    },
  },
});

/** A request header the operation reads: its name, what it means, an example. */
const headerParam = (name: string, description: string, example?: string) => ({
  name,
  in: "header",
  required: true,
  description,
  schema: { type: "string", ...(example && { example }) },
});
const optionalHeaderParam = (name: string, description: string, example?: string) => ({
  ...headerParam(name, description, example),
  required: false,
});

/** A booking's status as the API spells it, and the venue as a booking names it. */
const BOOKING_STATUSES = ["confirmed", "checked_in", "done", "no_show", "cancelled", "held"];
const bookingVenue = {
  type: "object",
  required: ["slug", "name", "address"],
  properties: { slug: { type: "string" }, name: { type: "string" }, address: { type: "string" } },
};

const ifMatchParam = optionalHeaderParam(
  "If-Match",
  '选填：查询预约时得到的 ETag（例如 "3"）。预约在那之后有了改动时不做任何改动，回答 412 booking_changed；不发送或为 * 时不检查。',
  '"3"',
);

const idempotencyKeyParam = optionalHeaderParam(
  "Idempotency-Key",
  "选填：每个新请求一个新的随机值（例如 UUID，1 到 255 个可见英文字符）。网络中断后用同一个值和同样的内容重试，24 小时内回答与第一次完全相同（响应头 Idempotent-Replayed: true），不会重复办理；同一个值配不同的地址或内容回答 422 idempotency_key_reused；第一次还在处理时回答 409 request_in_progress（见 Retry-After）。",
  "6f1c2f7e-9f64-4c1e-9d0a-2b4d1c0e7a55",
);

const idempotencyRefusals = {
  422: {
    description: "同一个 Idempotency-Key 已用于另一个请求",
    headers: noStore,
    content: {
      "application/json": {
        schema: ref("Error"),
        examples: {
          idempotency_key_reused: {
            value: {
              error: {
                code: "idempotency_key_reused",
                message: "这个 Idempotency-Key 已经用于另一个请求（地址或内容不同）。新的请求请换一个新的 Idempotency-Key。",
              },
            },
          },
        },
      },
    },
  },
};

const bookingChanged = errors("预约在查询之后已经有了改动（If-Match 不符），这次没有改动", {
  booking_changed: errorExample("booking_changed"),
});

const codeParam = {
  name: "code",
  in: "path",
  required: true,
  description: "预约号（不区分大小写；全角字符、空格和短横线可用）",
  schema: { type: "string", pattern: "^[A-Za-z0-9]{4,12}$", example: "K7MPXA" },
};

const phone = {
  type: "string",
  description: "中国大陆手机号码，11 位；全角数字可用，空格、短横线和开头的 +86 会被去掉",
  example: "13812345678",
};
/** Looking up, cancelling, moving: the number the booking was made with, which staff may have made with a landline. */
const bookedPhone = {
  type: "string",
  description:
    "预约时留的电话：手机号码（11 位），或工作人员代为预约时留的带区号的固定电话（例如 0750-6123456，区号后的短横线可有可无）；全角数字可用，空格、短横线、括号和手机号码开头的 +86 会被去掉",
  example: "13812345678",
};
const instant = {
  type: "string",
  format: "date-time",
  description: "带时区偏移的时间，在 2000 年到 2100 年之间；返回值一律为 +08:00（Asia/Shanghai）",
  example: "2026-12-01T09:00:00+08:00",
};
const date = (description: string) => ({ type: "string", format: "date", description, example: "2026-12-01" });

const lawyerExample = { id: "cmhx2lawyer0001", name: "陈律师" };
const bookingExample = {
  code: "K7MPXA",
  status: "confirmed",
  start: "2026-12-01T09:00:00+08:00",
  end: "2026-12-01T09:30:00+08:00",
  venue: { slug: "station", name: "睦洲镇公共法律服务工作站", address: "江门市新会区睦洲镇人民政府司法所" },
  lawyer: lawyerExample,
  calendar: "/bookings/K7MPXA/calendar.ics?t=3f9c2a7d1e8b4c6f9a0d5e2b7c4f1a8e",
};

/** Only on a test booking (lib/test-mode.ts): a real one has no such field. */
const testMark = {
  type: "boolean",
  const: true,
  description: "仅测试预约（用测试密钥所做，见说明中的“测试模式”）：true；真实预约没有这一项",
};

/** A webhook's booking carries no calendar link: the notice goes to a server, not to the person. */
const { calendar: _calendar, ...webhookBookingExample } = bookingExample;

const slugParam = { name: "slug", in: "path", required: true, schema: { type: "string", example: "station" } };
const entryParam = {
  name: "id",
  in: "path",
  required: true,
  description: "候补登记号（登记时返回的 id）",
  schema: { type: "string", example: "cmx5o4ef6008tlw7dff35ic69" },
};
const waitlistExample = {
  id: "cmx5o4ef6008tlw7dff35ic69",
  status: "waiting",
  venue: { slug: "nanzhen", name: "南镇村公共法律服务工作室" },
  from: "2026-12-01",
  to: "2026-12-14",
};

const WEBHOOK_DESCRIPTION =
  "由本站发给接入方登记的事件通知地址（接收方实现这个接口）。每条通知有唯一的 webhook-id（重试和重新发送时不变，可用于去重）。" +
  '签名按 Standard Webhooks 规范：webhook-signature 为 v1, 加上 HMAC-SHA256(签名密钥去掉 whsec_ 后 base64 解码所得的字节, webhook-id + "." + webhook-timestamp + "." + 请求体原文) 的 base64；' +
  "请用原始请求体核对签名，并拒绝 webhook-timestamp 与现在相差 5 分钟以上的请求。只跟随同一来源（协议、主机和端口）的 307、308 转址。" +
  "没有在 10 秒内回答 2xx 的，按约 30 秒、2 分钟、10 分钟、30 分钟、1、2、4、8、8 小时重试，共 10 次（约一天），之后放弃；工作人员可在接入方页面查看记录并重新发送。";

/** When each notice is sent, beside the common description: the causes an integrator might not expect. */
const WEBHOOK_CAUSES: Partial<Record<(typeof WEBHOOK_EVENT_TYPES)[number], string>> = {
  "booking.rescheduled":
    "何时发送：预约的时间或接待的律师变了——村民、接入方或工作人员改期，工作人员改由其他律师接待，" +
    "以及律师请假、值班时间调整或停止服务时，预约交给其他律师或改到其他时间。data.booking 为改动后的预约。",
  "booking.cancelled":
    "何时发送：村民、接入方或工作人员取消预约，以及律师请假、值班时间调整或停止服务时取消了预约（村民会收到短信）。",
};

const webhookHeaders = [
  headerParam("webhook-id", "通知的唯一编号", "evt_3q8Y1kq3Vd2bS0H7mJ1xZQ"),
  headerParam("webhook-timestamp", "发送时间（Unix 秒）", "1764554400"),
  headerParam("webhook-signature", "v1, 加上签名的 base64（见上文）", "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="),
];

const webhookExample = {
  type: "booking.created",
  timestamp: "2026-11-30T10:03:04+08:00",
  data: {
    booking: { ...webhookBookingExample, town: exampleTown },
    villager: { phone: "138****5678" },
  },
};

export const openApiDocument = withMethods({
  openapi: "3.1.0",
  info: {
    // The route names the site (its town's, or the district's: lib/towns siteIdentity).
    title: "公共法律服务预约 API",
    version: "1.0.0",
    // Terms of use, not a software licence: integrations are agreed with the judicial office first.
    license: { name: "接入前须经镇司法所同意；免费用于公共法律服务（个人信息的处理见隐私说明）", url: "/privacy" },
    description:
      "供微信小程序和省 12348 平台预约免费法律咨询。所有时间为 Asia/Shanghai（+08:00）。" +
      "请求体为 JSON 对象（Content-Type: application/json）。" +
      "错误统一为 { error: { code, message, fields? } }，message 为简体中文，可直接展示给群众。" +
      "不存在的接口地址回答 404 not_found；接口地址不支持的请求方法回答 405 method_not_allowed，响应头 Allow 列出支持的方法。" +
      "文字中不能含 NUL 等看不见的控制字符（情况简述和取消原因可以换行）；日期和时间须在 2000 年到 2100 年之间。" +
      `次数限制：${LOOK_UP_LIMIT}每个来源地址每小时最多预约 100 次。超过限制时回答 429 too_many_requests，响应头 Retry-After 给出需要等待的秒数。` +
      "来源地址是连接本服务的地址；经过反向代理时，由运维配置的代理层数决定（TRUSTED_PROXY_HOPS），调用方自己写的 X-Forwarded-For 不被采信。" +
      "错误码的变更（一个码只表示一件事）：改期、取消一个已取消、已开始或已结束的预约，原为 409 slot_unavailable，现为 409 booking_not_changeable；" +
      "退出已结束的候补登记，原为 409 slot_unavailable，现为 409 waitlist_ended；指定不存在或不在该地点服务的律师，原为 409 slot_unavailable，现为 400 invalid_input（fields.lawyerId）；" +
      "同一个电话号码再约自己已约的同一时间，原为 409 slot_taken，现为 409 duplicate_booking。新增：412 booking_changed（If-Match）、422 idempotency_key_reused 和 409 request_in_progress（Idempotency-Key）、401 invalid_api_key（API 密钥）。" +
      "API 密钥（选用）：经司法所或区司法局登记的接入方（省 12348 平台、微信服务号的后台等）在请求头 Authorization: Bearer mz_live_… 中带上密钥，" +
      "其预约和候补登记按接入方计数（每个接入方每小时 2000 次，不论来源地址），查询对不上的次数、Idempotency-Key 也按接入方分开；" +
      "密钥无效或已停用时回答 401 invalid_api_key（不带密钥的请求照旧按来源地址计数）。/towns 和 /topics 不检查密钥。" +
      "事件通知（webhooks）：登记了通知地址的接入方，在其范围（某个镇或全区）内的预约新建、改期、取消、签到、未到、完成和候补空位保留时，" +
      "收到按 Standard Webhooks 规范签名的 POST（见 webhooks 部分）。" +
      "测试模式：用测试密钥（mz_test_…）做的预约和候补登记标为测试。它们照常占用时间，照常可以查询、改期和取消；" +
      "短信只留在站内发件箱，不发给任何手机；不计入任何统计、报表和导出；候补空位先给真实群众，测试候补登记得到的保留也是测试预约。" +
      "测试预约的事件通知只发给测试接入方，真实预约的只发给正式接入方。管理员可随时清除测试数据（测试预约和测试候补登记，连同其短信和事件通知），" +
      "清除后按预约号查询回答 404 not_found。测试预约也占用律师的时间，请尽量约在演示地点，并尽快取消。",
  },
  servers: [{ url: "/api/v1" }],
  // No sign-in needed: every operation is open to anyone (the limits on tries are by source address);
  // a registered client may send its key (lib/api/caller.ts) to be counted by its own limits.
  security: [{}, { bearerAuth: [] }],
  paths: {
    "/towns": {
      get: {
        operationId: "listTowns",
        summary: "镇（街道）列表",
        security: [{}],
        description: "venues：这个镇（街道）可以预约的服务地点个数。只有一个镇的部署也照样回答（一个镇）。",
        responses: {
          200: ok("镇（街道）", "TownList", { towns: [{ slug: "muzhou", name: "睦洲镇", venues: 15 }] }),
          400: malformedPath,
          500: internal,
        },
      },
    },
    "/venues": {
      get: {
        operationId: "listVenues",
        summary: "服务地点列表（镇工作站和各村居工作室），可按镇（街道）筛选",
        parameters: [
          {
            name: "town",
            in: "query",
            required: false,
            description: "只列出这个镇（街道）的地点：/towns 给出的 slug",
            schema: { type: "string", pattern: "^[a-z0-9-]{1,60}$" },
          },
        ],
        responses: {
          200: ok("地点", "VenueList", {
            venues: [
              { ...bookingExample.venue, kind: "station", village: null, town: exampleTown },
              {
                slug: "nanzhen",
                name: "南镇村公共法律服务工作室",
                kind: "workroom",
                village: "南镇村",
                address: "江门市新会区睦洲镇南镇村村委会",
                town: exampleTown,
              },
            ],
          }),
          400: {
            ...invalidInput({ town: "town 应为 /api/v1/towns 给出的 slug（小写字母、数字和 -），例如 muzhou。" }),
            description: "town 格式不对，或网址无法识别（例如不完整的 % 编码）",
          },
          404: errors("没有这个镇（街道）", {
            not_found: { value: { error: { code: "not_found", message: NO_TOWN } } },
          }),
          401: unauthorised,
          500: internal,
        },
      },
    },
    "/topics": {
      get: {
        operationId: "listTopics",
        summary: "咨询事项列表",
        security: [{}],
        responses: {
          200: ok("事项", "TopicList", { topics: [{ code: "marriage", name: "婚姻家庭" }] }),
          400: malformedPath,
          500: internal,
        },
      },
    },
    "/venues/{slug}/slots": {
      get: {
        operationId: "listVenueSlots",
        summary: "某地点的空闲时间（每位律师一条）",
        parameters: [
          slugParam,
          { name: "from", in: "query", required: false, schema: date("第一天，默认今天") },
          {
            name: "to",
            in: "query",
            required: false,
            schema: date("最后一天（含），默认可预约期限的最后一天；from 到 to 最多 31 天，超出可预约期限的部分没有空闲时间"),
          },
          optionalHeaderParam("If-None-Match", "选填：上次得到的 ETag。空闲时间没有变化时回答 304，不带内容。"),
        ],
        responses: {
          200: {
            ...ok("按开始时间排序的空闲时间", "SlotList", {
              timeZone: "Asia/Shanghai",
              slots: [{ start: bookingExample.start, end: bookingExample.end, lawyer: lawyerExample }],
            }),
            headers: {
              ...noStore,
              ETag: { description: "这份空闲时间的标记，供下次以 If-None-Match 询问是否有变化", schema: { type: "string" } },
            },
          },
          304: {
            description: "空闲时间与 If-None-Match 所给的相同，没有内容",
            headers: { ETag: { description: "同一标记", schema: { type: "string" } } },
          },
          400: invalidInput({ to: "一次最多查询 31 天。" }),
          404: errors("没有这个服务地点", { not_found: { value: { error: { code: "not_found", message: NO_VENUE } } } }),
          401: unauthorised,
          500: internal,
        },
      },
    },
    "/bookings": {
      post: {
        operationId: "createBooking",
        summary: "预约",
        description:
          "不填 lawyerId 时由系统安排这一时间有空的律师。同一手机号码最多 3 个未到期的预约。每个来源地址每小时最多预约 100 次；带 API 密钥的，每个接入方每小时最多 2000 次。",
        parameters: [idempotencyKeyParam],
        requestBody: jsonBody("CreateBooking"),
        responses: {
          ...idempotencyRefusals,
          201: counted(ok("预约成功", "Booking", bookingExample)),
          400: invalidInput({ phone: "请填写 11 位手机号码，例如 13812345678。" }),
          409: errors("这个时间不能预约", {
            slot_taken: errorExample("slot_taken"),
            slot_unavailable: errorExample("slot_unavailable"),
            too_many_bookings: errorExample("too_many_bookings"),
            duplicate_booking: errorExample("duplicate_booking"),
          }),
          429: counted(
            tooMany(
              "这个来源地址一小时内预约太多次（100 次；带 API 密钥的，这个接入方 2000 次）；按 Retry-After 等待后再试",
              "预约",
            ),
          ),
          401: unauthorised,
          500: internal,
        },
      },
    },
    "/bookings/{code}": {
      get: {
        operationId: "findBooking",
        summary: "查询预约（预约号和电话号码都要对）",
        description: LOOK_UP_LIMIT,
        parameters: [codeParam, { name: "phone", in: "query", required: true, schema: bookedPhone }],
        responses: {
          200: withEtag(ok("预约及其当前状态", "Booking", bookingExample)),
          400: invalidInput({ phone: "请填写联系电话。" }),
          404: notFound,
          429: lookUpLimited,
          401: unauthorised,
          500: internal,
        },
      },
    },
    "/bookings/{code}/cancel": {
      post: {
        operationId: "cancelBooking",
        summary: "取消预约（已取消的再取消一次，回答相同）",
        description: LOOK_UP_LIMIT,
        parameters: [codeParam, ifMatchParam, idempotencyKeyParam],
        requestBody: jsonBody("CancelBooking"),
        responses: {
          ...idempotencyRefusals,
          200: withEtag(ok("已取消", "Booking", { ...bookingExample, status: "cancelled" })),
          400: invalidInput({ phone: "请填写联系电话。" }),
          404: notFound,
          409: errors("预约已开始或已结束，不能在网上取消", {
            booking_not_changeable: errorExample("booking_not_changeable"),
          }),
          412: bookingChanged,
          429: lookUpLimited,
          401: unauthorised,
          500: internal,
        },
      },
    },
    "/bookings/{code}/reschedule": {
      post: {
        operationId: "rescheduleBooking",
        summary: "改期（新时间不能预约时原预约保持不变）",
        description: LOOK_UP_LIMIT,
        parameters: [codeParam, ifMatchParam, idempotencyKeyParam],
        requestBody: jsonBody("RescheduleBooking"),
        responses: {
          ...idempotencyRefusals,
          200: withEtag(
            ok("改期后的预约", "Booking", {
              ...bookingExample,
              start: "2026-12-02T10:00:00+08:00",
              end: "2026-12-02T10:30:00+08:00",
            }),
          ),
          400: invalidInput({ start: "时间格式不对，应类似 2026-12-01T09:00:00+08:00。" }),
          404: notFound,
          409: errors("新时间不能预约，或原预约已取消、已开始", {
            slot_taken: errorExample("slot_taken"),
            slot_unavailable: errorExample("slot_unavailable"),
            too_many_bookings: errorExample("too_many_bookings"),
            booking_not_changeable: errorExample("booking_not_changeable"),
          }),
          412: bookingChanged,
          429: lookUpLimited,
          401: unauthorised,
          500: internal,
        },
      },
    },
    "/venues/{slug}/waitlist": {
      post: {
        operationId: "joinWaitlist",
        summary: "登记候补：近期没有空位时，在能来的日期内有空位就发短信，并为其保留 30 分钟",
        description:
          "同一手机号码在同一地点只登记一次，再次登记即修改日期。有空位时按登记先后通知，短信中的链接打开保留的预约，30 分钟内确认有效；过期或不要则通知下一位。用其他方式在该地点预约成功后，自动退出候补。每个来源地址每小时最多 100 次。",
        parameters: [slugParam, idempotencyKeyParam],
        requestBody: jsonBody("JoinWaitlist"),
        responses: {
          ...idempotencyRefusals,
          201: counted(ok("已登记", "WaitlistEntry", waitlistExample)),
          400: invalidInput({ to: "最晚日期不能早于最早日期，请重新选择。" }),
          404: errors("没有这个服务地点", { not_found: { value: { error: { code: "not_found", message: NO_VENUE } } } }),
          429: counted(tooMany("登记次数太多", "候补登记")),
          401: unauthorised,
          500: internal,
        },
      },
    },
    "/waitlist/{id}": {
      get: {
        operationId: "getWaitlistEntry",
        summary: "查看候补登记（须提供登记时的手机号码）",
        description: LOOK_UP_LIMIT,
        parameters: [
          entryParam,
          { name: "phone", in: "query", required: true, description: "登记时留的手机号码", schema: phone },
        ],
        responses: {
          200: ok("候补登记", "WaitlistEntry", {
            ...waitlistExample,
            status: "offered",
            offer: { code: "K7MPXA", start: "2026-12-03T09:00:00+08:00", heldUntil: "2026-12-01T10:30:00+08:00" },
          }),
          400: invalidInput({ phone: "请填写 11 位手机号码。" }),
          404: errors("没有这条登记，或手机号码不对（两种情况回答相同）", {
            not_found: { value: { error: { code: "not_found", message: NO_WAITLIST_ENTRY } } },
          }),
          429: lookUpLimited,
          401: unauthorised,
          500: internal,
        },
      },
    },
    "/waitlist/{id}/cancel": {
      post: {
        operationId: "leaveWaitlist",
        summary: "退出候补（正在保留的时间一并放弃，通知下一位）",
        description: LOOK_UP_LIMIT,
        parameters: [entryParam],
        requestBody: jsonBody("LeaveWaitlist"),
        responses: {
          200: ok("已退出", "WaitlistEntry", { ...waitlistExample, status: "cancelled" }),
          400: invalidInput({ phone: "请填写 11 位手机号码。" }),
          404: errors("没有这条登记，或手机号码不对（两种情况回答相同）", {
            not_found: { value: { error: { code: "not_found", message: NO_WAITLIST_ENTRY } } },
          }),
          409: errors("登记已经结束（已取消、已预约或已过期）", { waitlist_ended: errorExample("waitlist_ended") }),
          429: lookUpLimited,
          401: unauthorised,
          500: internal,
        },
      },
    },
  },
  webhooks: Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          operationId: `on_${type.replace(".", "_")}`,
          summary: `事件通知：${WEBHOOK_EVENT_NAMES[type]}（${type}）`,
          description: `${WEBHOOK_CAUSES[type] ?? ""}${WEBHOOK_DESCRIPTION}`,
          security: [],
          parameters: webhookHeaders,
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: ref("WebhookEvent"),
                example: { ...webhookExample, type },
              },
            },
          },
          responses: {
            200: { description: "收到了（任何 2xx 都算送达；请在 10 秒内回答，处理可以之后再做）" },
            400: { description: "签名或时间戳不对：不会送达，按计划重试后放弃" },
            500: { description: "接收方出错：约 30 秒、2 分钟、10 分钟……之后重试，一天内共试 10 次" },
          },
        },
      },
    ]),
  ),
  components: {
    securitySchemes: {
      bearerAuth: {
        type: "http",
        scheme: "bearer",
        description:
          "选用：经司法所或区司法局登记后得到的 API 密钥（mz_live_ 或 mz_test_ 开头），放在 Authorization: Bearer 之后。密钥只在登记和更换时显示一次；更换后旧密钥立即失效。",
      },
    },
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
                enum: [
                  "invalid_input",
                  "invalid_api_key",
                  "not_found",
                  "method_not_allowed",
                  "slot_taken",
                  "slot_unavailable",
                  "too_many_bookings",
                  "booking_changed",
                  "booking_not_changeable",
                  "duplicate_booking",
                  "waitlist_ended",
                  "idempotency_key_reused",
                  "request_in_progress",
                  "too_many_requests",
                  "internal_error",
                ],
                description:
                  "400 invalid_input；401 invalid_api_key（Authorization 中的 API 密钥无效或已停用）；404 not_found（含不存在的接口地址）；405 method_not_allowed（不支持的请求方法）；409 slot_taken（刚被别人约走）、slot_unavailable（不在值班时间、太近或太远）、too_many_bookings、duplicate_booking（这个电话号码已约了这个时间）、booking_not_changeable（预约已取消、已开始或已结束）、waitlist_ended（候补登记已结束）；409 request_in_progress（同一个 Idempotency-Key 的请求还在处理）；412 booking_changed（If-Match 不符：预约在查询之后已有改动）；422 idempotency_key_reused（Idempotency-Key 已用于另一个请求）；429 too_many_requests（尝试次数太多，见 Retry-After）；500 internal_error",
              },
              message: { type: "string", description: "简体中文，说明下一步怎么做" },
              fields: {
                type: "object",
                additionalProperties: { type: "string" },
                description: "仅 invalid_input：按输入项名称（嵌套的如 onBehalfOf.name；整个请求体为 _）给出原因",
              },
            },
          },
        },
      },
      Venue: {
        type: "object",
        required: ["slug", "name", "kind", "village", "address", "town"],
        properties: {
          slug: { type: "string" },
          name: { type: "string" },
          kind: { type: "string", enum: ["station", "workroom"], description: "station 镇工作站；workroom 村居工作室" },
          village: { type: ["string", "null"] },
          address: { type: "string" },
          town: ref("TownRef"),
        },
      },
      TownRef: {
        type: "object",
        description: "地点所属的镇（街道）",
        required: ["slug", "name"],
        properties: { slug: { type: "string" }, name: { type: "string" } },
      },
      Town: {
        type: "object",
        required: ["slug", "name", "venues"],
        properties: {
          slug: { type: "string" },
          name: { type: "string" },
          venues: { type: "integer", minimum: 0, description: "可以预约的服务地点个数" },
        },
      },
      TownList: { type: "object", required: ["towns"], properties: { towns: { type: "array", items: ref("Town") } } },
      VenueList: { type: "object", required: ["venues"], properties: { venues: { type: "array", items: ref("Venue") } } },
      Topic: { type: "object", required: ["code", "name"], properties: { code: { type: "string" }, name: { type: "string" } } },
      TopicList: { type: "object", required: ["topics"], properties: { topics: { type: "array", items: ref("Topic") } } },
      Lawyer: { type: "object", required: ["id", "name"], properties: { id: { type: "string" }, name: { type: "string" } } },
      Slot: {
        type: "object",
        required: ["start", "end", "lawyer"],
        properties: { start: instant, end: instant, lawyer: ref("Lawyer") },
      },
      SlotList: {
        type: "object",
        required: ["timeZone", "slots"],
        properties: { timeZone: { type: "string", const: "Asia/Shanghai" }, slots: { type: "array", items: ref("Slot") } },
      },
      CreateBooking: {
        type: "object",
        required: ["venue", "start", "name", "phone", "topic", "consent"],
        properties: {
          venue: { type: "string", minLength: 1, description: "地点 slug", example: "station" },
          start: { ...instant, description: "空闲时间的 start" },
          lawyerId: { type: "string", minLength: 1, description: "空闲时间里的律师 id；不填则由系统安排" },
          name: { type: "string", minLength: 1, maxLength: 40, example: "李阿姨" },
          phone,
          village: { type: "string", maxLength: 40 },
          topic: { type: "string", minLength: 1, description: "事项 code", example: "marriage" },
          description: {
            type: "string",
            maxLength: 500,
            description: "情况简述；调用方须先取得当事人对填写敏感情况的同意",
          },
          onBehalfOf: {
            type: "object",
            description: "代他人预约时填写：代为预约人的姓名和与当事人的关系",
            required: ["name", "relation"],
            properties: {
              name: { type: "string", minLength: 1, maxLength: 40 },
              relation: { type: "string", minLength: 1, maxLength: 20, example: "子女" },
            },
          },
          priorityGroup: {
            type: "string",
            enum: Object.keys(PRIORITY_GROUPS),
            description: Object.entries(PRIORITY_GROUPS)
              .map(([k, v]) => `${k} ${v}`)
              .join("；"),
          },
          consent: { type: "boolean", const: true, description: "当事人已阅读个人信息告知并同意" },
        },
      },
      CancelBooking: {
        type: "object",
        required: ["phone"],
        properties: { phone: bookedPhone, reason: { type: "string", maxLength: 200, description: "取消原因（可不填）" } },
      },
      RescheduleBooking: {
        type: "object",
        required: ["phone", "start"],
        properties: {
          phone: bookedPhone,
          start: { ...instant, description: "新的空闲时间的 start（同一地点）" },
          lawyerId: { type: "string", minLength: 1, description: "不填则由系统安排" },
        },
      },
      JoinWaitlist: {
        type: "object",
        required: ["name", "phone", "topic", "consent"],
        properties: {
          name: { type: "string", minLength: 1, maxLength: 40, example: "李阿姨" },
          phone: { ...phone, description: `${phone.description}；有空位时发短信到这个号码` },
          topic: { type: "string", minLength: 1, description: "事项 code", example: "marriage" },
          from: { type: "string", description: "最早能来的日期（不填为今天）", example: "2026-12-01" },
          to: { type: "string", description: "最晚能来的日期（不填为该地点可预约的最后一天）", example: "2026-12-14" },
          consent: { type: "boolean", const: true, description: "当事人同意保存姓名和手机号码，用于有空位时短信通知" },
        },
      },
      LeaveWaitlist: { type: "object", required: ["phone"], properties: { phone } },
      WaitlistEntry: {
        type: "object",
        required: ["id", "status", "venue", "from", "to"],
        properties: {
          id: { type: "string", description: "登记号；查看、退出时与手机号码一起使用" },
          status: {
            type: "string",
            enum: ["waiting", "offered", "booked", "cancelled", "lapsed"],
            description:
              "waiting 候补中；offered 已通知有空位、正在保留；booked 已预约（退出候补）；cancelled 已退出；lapsed 已过期（日期已过，或两次通知都没有确认）",
          },
          venue: {
            type: "object",
            required: ["slug", "name"],
            properties: { slug: { type: "string" }, name: { type: "string" } },
          },
          from: date("最早能来的日期"),
          to: date("最晚能来的日期"),
          offer: {
            type: "object",
            description: "仅 offered：保留的预约。用预约号和手机号码查看；在 heldUntil 之前确认有效",
            required: ["code", "start", "heldUntil"],
            properties: { code: { type: "string" }, start: instant, heldUntil: instant },
          },
        },
      },
      WebhookEvent: {
        type: "object",
        description: "事件通知的内容（Standard Webhooks 的 { type, timestamp, data }）",
        required: ["type", "timestamp", "data"],
        properties: {
          type: { type: "string", enum: [...WEBHOOK_EVENT_TYPES] },
          timestamp: { ...instant, description: "事件发生的时间（+08:00）" },
          data: {
            type: "object",
            required: ["booking", "villager"],
            properties: { booking: ref("WebhookBooking"), villager: ref("WebhookVillager") },
          },
        },
      },
      WebhookBooking: {
        type: "object",
        description: "事件发生时预约的样子",
        required: ["code", "status", "start", "end", "venue", "town", "lawyer"],
        properties: {
          code: { type: "string" },
          status: { type: "string", enum: BOOKING_STATUSES },
          start: instant,
          end: instant,
          venue: bookingVenue,
          town: ref("TownRef"),
          lawyer: ref("Lawyer"),
          heldUntil: { ...instant, description: "仅 waitlist.offered：保留到这个时间" },
          waitlistEntryId: { type: "string", description: "仅候补空位：候补登记号" },
          test: testMark,
        },
      },
      WebhookVillager: {
        type: "object",
        description:
          "当事人。登记时允许接收个人信息的接入方：姓名、完整电话号码、咨询事项和情况简述；其他接入方只有遮住中间四位的电话号码（138****5678），用于对上自己办理的预约。",
        required: ["phone"],
        properties: {
          phone: { type: "string", example: "138****5678" },
          name: { type: "string" },
          topic: ref("Topic"),
          note: { type: ["string", "null"], description: "情况简述（可能为空）" },
        },
      },
      Booking: {
        type: "object",
        required: ["code", "status", "start", "end", "venue", "lawyer", "calendar"],
        properties: {
          code: { type: "string", description: "预约号；查询、取消、改期时与预约时留的电话号码一起使用" },
          status: {
            type: "string",
            enum: BOOKING_STATUSES,
            description:
              "confirmed 已预约；checked_in 已签到；done 已完成；no_show 未到；cancelled 已取消；held 候补空位正在为其保留，确认后为 confirmed（见 /waitlist/{id}）",
          },
          start: instant,
          end: instant,
          venue: bookingVenue,
          lawyer: ref("Lawyer"),
          test: testMark,
          calendar: {
            type: "string",
            description:
              "这个预约的日历文件（.ics，可导入手机日历）的地址，相对本站地址，不需要登录或 Cookie；改期后再取得会更新（SEQUENCE），取消后为 STATUS:CANCELLED",
          },
        },
      },
    },
  },
});

type Operation = {
  operationId: string;
  parameters?: { in: string }[];
  responses: Record<string, { headers?: Record<string, unknown> }>;
};

/**
 * Every path's HEAD (where it takes GET) and OPTIONS, documented as the server answers them (issue
 * 25 item 5): HEAD as GET without the body; OPTIONS with Allow, and CORS headers for an origin a
 * registered client allows (lib/api/cors.ts). Any other method answers 405 method_not_allowed.
 */
function withMethods<D extends { paths: Record<string, Record<string, unknown>> }>(doc: D): D {
  for (const operations of Object.values(doc.paths)) {
    const get = operations.get as Operation | undefined;
    const taken = [...Object.keys(operations).map((m) => m.toUpperCase()), ...(get ? ["HEAD"] : []), "OPTIONS"].sort();
    const first = Object.values(operations)[0] as Operation;
    // The path's own parameters ({slug}, {code}, {id}), which every operation of it must name.
    const inPath = (first.parameters ?? []).filter((p) => p.in === "path");
    const taking = Object.keys(operations)
      .map((m) => m.toUpperCase())
      .join(" 或 ");
    if (get) {
      operations.head = {
        operationId: `${get.operationId}Head`,
        summary: "同 GET，只回答响应头，没有内容",
        parameters: get.parameters,
        responses: Object.fromEntries(
          Object.entries(get.responses).map(([status, r]) => [
            status,
            { description: "同 GET 的这个状态，没有内容", headers: r.headers },
          ]),
        ),
      };
    }
    operations.options = {
      operationId: `${first.operationId}Options`,
      summary: "这个地址支持的请求方法",
      ...(inPath.length > 0 ? { parameters: inPath } : {}),
      description: `回答 204，响应头 Allow: ${taken.join(", ")}。已登记接入方允许的网页来源（预检请求）另有 Access-Control-Allow-Origin 等 CORS 响应头。用其他请求方法时回答 405 method_not_allowed，响应头 Allow 同上。`,
      responses: {
        204: {
          description: "支持的请求方法",
          headers: { Allow: { description: "支持的请求方法", schema: { type: "string", const: taken.join(", ") } } },
        },
        400: malformedPath,
        405: {
          description: "用了这个地址不支持的请求方法（如对只能 GET 的地址 POST）",
          headers: noStore,
          content: {
            "application/json": {
              schema: ref("Error"),
              example: {
                error: { code: "method_not_allowed", message: `这个接口地址不支持 PUT 请求，请改用 ${taking} 请求。` },
              },
            },
          },
        },
      },
    };
  }
  return doc;
}
