/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) for partner systems: the county's 12345 hotline and
 * other government systems. Field names are the spec's; a request's service is one of our categories, its address
 * a post (`address_id`) or a township (the `township` attribute). Answers never hold a phone number or an openid.
 */
import * as z from 'zod/mini';
import { Id, idOf, Phone } from './common';
import { DESCRIPTION_MAX } from './petition';

/** The spec's form fields arrive as text: `attribute[township]`, `lat`, `long`. */
const num = (what: string, min: number, max: number) =>
  z.pipe(
    z.string({ error: `${what}须为数字` }).check(z.regex(/^-?\d{1,3}(\.\d{1,12})?$/, { error: `${what}须为数字` })),
    z.pipe(z.transform((v: string) => Number(v)), z.number().check(z.gte(min, { error: `${what}超出范围` }), z.lte(max, { error: `${what}超出范围` }))),
  );

/** A partner's own id of a request: the same id again answers the request it made, never a second one. */
export const ExternalId = z.string({ error: '缺少 external_id' }).check(z.regex(/^[A-Za-z0-9_.:-]{1,64}$/, { error: 'external_id 须为 1 到 64 位字母、数字或 _ . : -' }));

/** POST /open311/v2/requests.json, form-encoded (or JSON with the same names). */
export const Open311RequestBody = z
  .object({
    api_key: z.optional(z.string()),
    service_code: idOf('service_code'),
    description: z.string({ error: '请填写 description' }).check(z.trim(), z.minLength(5, { error: 'description 至少 5 个字' }), z.maxLength(DESCRIPTION_MAX, { error: `description 不能超过 ${DESCRIPTION_MAX} 个字` })),
    address_id: z.optional(idOf('address_id')),
    'attribute[township]': z.optional(idOf('township')),
    lat: z.optional(num('lat', -90, 90)),
    long: z.optional(num('long', -180, 180)),
    phone: z.optional(Phone),
    first_name: z.optional(z.string().check(z.maxLength(32))),
    last_name: z.optional(z.string().check(z.maxLength(32))),
    email: z.optional(z.string().check(z.maxLength(128))),
    device_id: z.optional(z.string().check(z.maxLength(128))),
    account_id: z.optional(z.string().check(z.maxLength(128))),
    media_url: z.optional(z.string().check(z.maxLength(1024))),
    address_string: z.optional(z.string().check(z.maxLength(256))),
    /** extension: the partner's own id of the request, for retries */
    external_id: z.optional(ExternalId),
  })
  .check(
    z.refine((b) => !!(b.address_id || b['attribute[township]']), { error: '请给出 address_id（岗点）或 attribute[township]（乡镇）', path: ['attribute[township]'] }),
    z.refine((b) => (b.lat === undefined) === (b.long === undefined), { error: 'lat 与 long 须同时给出', path: ['long'] }),
  );
export type Open311RequestBody = z.infer<typeof Open311RequestBody>;

export const Open311Status = z.enum(['open', 'closed']);

/** GET /open311/v2/requests.json: the spec's filters, and pages (page_size, and `page` the cursor a Link header gives). */
export const Open311ListQuery = z.object({
  api_key: z.optional(z.string()),
  service_request_id: z.optional(z.string().check(z.regex(/^[A-Za-z0-9]{1,40}(,[A-Za-z0-9]{1,40}){0,49}$/, { error: 'service_request_id 须为逗号分隔的编号，最多 50 个' }))),
  service_code: z.optional(idOf('service_code')),
  start_date: z.optional(z.iso.datetime({ offset: true, error: 'start_date 须为带时区的 ISO 8601 时间' })),
  end_date: z.optional(z.iso.datetime({ offset: true, error: 'end_date 须为带时区的 ISO 8601 时间' })),
  status: z.optional(z.string().check(z.regex(/^(open|closed)(,(open|closed))?$/, { error: 'status 须为 open 或 closed' }))),
  page_size: z._default(z.pipe(z.string(), z.pipe(z.transform((v: string) => Number(v)), z.int({ error: 'page_size 须为整数' }).check(z.gte(1, { error: 'page_size 至少为 1' }), z.lte(100, { error: 'page_size 至多为 100' })))), 50),
  page: z.optional(z.string().check(z.maxLength(2048))),
});
export type Open311ListQuery = z.infer<typeof Open311ListQuery>;

export const Open311KeyQuery = z.object({ api_key: z.optional(z.string()) });

export const Open311Discovery = z.object({
  changeset: z.string(),
  contact: z.string(),
  key_service: z.string(),
  endpoints: z.array(z.object({ specification: z.string(), url: z.string(), changeset: z.string(), type: z.enum(['production', 'test']), formats: z.array(z.string()) })),
});

export const Open311Service = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string(),
});

export const Open311Attribute = z.object({
  variable: z.boolean(),
  code: z.string(),
  datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
  required: z.boolean(),
  datatype_description: z.string(),
  order: z.int(),
  description: z.string(),
  values: z.optional(z.array(z.object({ key: z.string(), name: z.string() }))),
});
export const Open311ServiceDefinition = z.object({ service_code: z.string(), attributes: z.array(Open311Attribute) });

/** The spec's answer to a POST: the request's id at once (we route synchronously), and its token. */
export const Open311Created = z.array(z.object({ service_request_id: Id, token: z.string(), service_notice: z.string(), account_id: z.optional(z.string()) }));

export const Open311Request = z.object({
  service_request_id: Id,
  status: Open311Status,
  status_notes: z.string(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string(),
  agency_responsible: z.string(),
  service_notice: z.string(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.optional(z.string()),
  address_id: z.optional(z.string()),
  lat: z.optional(z.number()),
  long: z.optional(z.number()),
});
export type Open311Request = z.infer<typeof Open311Request>;
export const Open311Requests = z.array(Open311Request);
/** Every Open311 error: the HTTP status and what went wrong, in Chinese. */
export const Open311Errors = z.array(z.object({ code: z.int(), description: z.string() })).check(z.minLength(1));
export const Open311Token = z.array(z.object({ service_request_id: Id, token: z.string() }));

/** Partner systems, managed by admins: the key is shown once, stored only as its hash. */
export const PartnerBody = z.strictObject({
  name: z.string({ error: '请填写名称' }).check(z.trim(), z.minLength(2, { error: '名称至少 2 个字' }), z.maxLength(40, { error: '名称不能超过 40 个字' })),
  countyId: idOf('所属县'),
});
export const Partner = z.object({
  id: Id,
  name: z.string(),
  countyId: z.string(),
  channel: z.literal('hotline'),
  active: z.boolean(),
  createdAt: z.string(),
});
export type Partner = z.infer<typeof Partner>;
export const PartnerCreated = z.extend(Partner, { apiKey: z.string() });
