import { z } from 'zod';

/**
 * kintone REST API payloads, parsed as documented.
 * Overview (URLs, guest spaces, auth headers, errors): https://cybozu.dev/ja/kintone/docs/rest-api/overview/kintone-rest-api-overview/
 * Field value formats per field type: https://cybozu.dev/ja/kintone/docs/overview/field-types/
 */

/** `{ code, name }` of a user, organization or group (USER_SELECT, CREATOR, MODIFIER, STATUS_ASSIGNEE …). */
export const entitySchema = z.object({ code: z.string(), name: z.string() });
export type KintoneEntity = z.infer<typeof entitySchema>;

/**
 * The value of each field type Baton may read, as the field-types page documents it. Numbers and calculated
 * values come as strings; empty DATE / DATETIME / DROP_DOWN / RADIO values as null or "".
 */
const text = z.string().nullable();
const FIELD_VALUE_SCHEMAS: Record<string, z.ZodType> = {
  SINGLE_LINE_TEXT: text,
  MULTI_LINE_TEXT: text,
  RICH_TEXT: text,
  LINK: text,
  NUMBER: text,
  CALC: text,
  RADIO_BUTTON: text,
  DROP_DOWN: text,
  DATE: text,
  TIME: text,
  DATETIME: text,
  STATUS: text,
  RECORD_NUMBER: z.string(),
  __ID__: z.string(),
  __REVISION__: z.string(),
  CREATED_TIME: z.string(),
  UPDATED_TIME: z.string(),
  CREATOR: entitySchema,
  MODIFIER: entitySchema,
  CHECK_BOX: z.array(z.string()),
  MULTI_SELECT: z.array(z.string()),
  CATEGORY: z.array(z.string()),
  USER_SELECT: z.array(entitySchema),
  ORGANIZATION_SELECT: z.array(entitySchema),
  GROUP_SELECT: z.array(entitySchema),
  STATUS_ASSIGNEE: z.array(entitySchema),
};

/**
 * One field of a record: `{ type, value }`. Types Baton reads are checked against their documented value;
 * others (FILE, SUBTABLE, …) pass through unread.
 */
export const fieldSchema = z
  .object({ type: z.string(), value: z.unknown() })
  .superRefine((field, ctx) => {
    const schema = FIELD_VALUE_SCHEMAS[field.type];
    if (!schema) return;
    const parsed = schema.safeParse(field.value);
    if (!parsed.success) ctx.addIssue({ code: 'custom', path: ['value'], message: `not a ${field.type} value` });
  });
export type KintoneField = z.infer<typeof fieldSchema>;

/** A record: field code → field. https://cybozu.dev/ja/kintone/docs/rest-api/records/get-record/ */
export const recordSchema = z.record(z.string(), fieldSchema);
export type KintoneRecord = z.infer<typeof recordSchema>;

/** GET /k/v1/record.json?app=&id= → `{ record }`. https://cybozu.dev/ja/kintone/docs/rest-api/records/get-record/ */
export const getRecordResponseSchema = z.object({ record: recordSchema });

/**
 * GET /k/v1/records.json?app=&query=&fields=&totalCount= → `{ records, totalCount }`; totalCount is a string, or
 * null when not asked. At most 500 records a call, offset at most 10,000 (so Baton pages by `$id`).
 * https://cybozu.dev/ja/kintone/docs/rest-api/records/get-records/
 */
export const getRecordsResponseSchema = z.object({ records: z.array(recordSchema), totalCount: z.string().nullable().optional() });

/**
 * GET /k/v1/record/comments.json?app=&record=&order=&offset=&limit= → at most 10 comments a call, `older` /
 * `newer` say whether more exist. https://cybozu.dev/ja/kintone/docs/rest-api/records/get-comments/
 */
export const commentSchema = z.object({
  id: z.string(),
  text: z.string(),
  createdAt: z.string(),
  creator: entitySchema,
  mentions: z.array(z.object({ code: z.string(), type: z.string() })).optional(),
});
export type KintoneComment = z.infer<typeof commentSchema>;
export const getCommentsResponseSchema = z.object({ comments: z.array(commentSchema), older: z.boolean(), newer: z.boolean() });

/** POST /k/v1/record/comment.json → `{ id }`. https://cybozu.dev/ja/kintone/docs/rest-api/records/add-comment/ */
export const addCommentResponseSchema = z.object({ id: z.string() });

/** DELETE /k/v1/record/comment.json → `{}`. https://cybozu.dev/ja/kintone/docs/rest-api/records/delete-comment/ */
export const emptyResponseSchema = z.object({}).passthrough();

/**
 * GET /k/v1/app/form/fields.json?app= → `{ properties, revision }`. A lookup field is its base type with a
 * `lookup` property; a related-records field (REFERENCE_TABLE) names the related app and the condition joining
 * them. https://cybozu.dev/ja/kintone/docs/rest-api/apps/form/get-form-fields/
 */
export const formFieldSchema = z
  .object({
    type: z.string(),
    code: z.string(),
    label: z.string(),
    options: z.record(z.string(), z.object({ label: z.string(), index: z.string() })).optional(),
    lookup: z
      .object({
        relatedApp: z.object({ app: z.string(), code: z.string() }),
        relatedKeyField: z.string(),
      })
      .passthrough()
      .optional(),
    referenceTable: z
      .object({
        relatedApp: z.object({ app: z.string(), code: z.string() }),
        condition: z.object({ field: z.string(), relatedField: z.string() }),
      })
      .passthrough()
      .optional(),
  })
  .passthrough();
export type KintoneFormField = z.infer<typeof formFieldSchema>;
export const formFieldsResponseSchema = z.object({ properties: z.record(z.string(), formFieldSchema), revision: z.string() });
export type KintoneFormFields = z.infer<typeof formFieldsResponseSchema>;

/**
 * Every error: `{ code, id, message, errors? }`. `code` names the kind (GAIA_*, CB_*), `id` is the request's
 * error id kintone support asks for. https://cybozu.dev/ja/kintone/docs/rest-api/overview/kintone-rest-api-overview/
 */
export const kintoneErrorSchema = z.object({
  code: z.string(),
  id: z.string(),
  message: z.string(),
  errors: z.record(z.string(), z.unknown()).optional(),
});
export type KintoneErrorBody = z.infer<typeof kintoneErrorSchema>;

/**
 * The token endpoint's answer (`https://{subdomain}.cybozu.com/oauth2/token`) to an authorization code and to a refresh
 * token: `access_token`, `token_type` ("Bearer"), `expires_in` (seconds; an hour), `scope`, and `refresh_token` with
 * the code exchange (RFC 6749 §5.1, as cybozu.dev's STEP3 shows it). Public kintone clients written from that page
 * read the refresh answer without a new `refresh_token` (the one held stays valid), so it is optional here and the
 * stored one is kept unless a new one comes (auth.ts).
 * https://cybozu.dev/ja/common/docs/oauth-client/add-client/
 */
export const kintoneTokenSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().refine((t) => t.toLowerCase() === 'bearer', 'token_type must be Bearer'),
  // RFC 6749 §5.1 says a number; some servers send a numeric string, which is read the same.
  expires_in: z.coerce.number().int().positive(),
  refresh_token: z.string().min(1).optional(),
  scope: z.string().optional(),
});
export type KintoneTokenResponse = z.infer<typeof kintoneTokenSchema>;

/** The OAuth endpoints' errors, in RFC 6749 §5.2's shape (`invalid_grant`, `invalid_client`, …); the authorization
 * endpoint sends `error` (and `error_description`) back on the redirect instead (§4.1.2.1). */
export const kintoneOAuthErrorSchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
});
