/**
 * Open311 GeoReport v2 for partner systems (the county's 12345 hotline): a partner's request enters the workflow
 * like a citizen's, with the partner's channel, idempotent on the partner's own id; a partner reads only what it
 * filed, and never a phone number or an openid. Partner keys are made by admins and kept only as their hash.
 */
import { reportText } from '../../shared/audio';
import { createHash, randomBytes } from 'node:crypto';
import { NotFoundError, TooManyRequestsError, UnauthorizedError, ValidationError } from '../../shared/errors';
import { countyOf, type Org } from '../../shared/routing';
import { STATUS_LABELS } from '../../shared/labels';
import type { Open311ListQuery, Open311Request, Open311RequestBody, Partner } from '../../shared/schemas/open311';
import type { Petition, PetitionSummary } from '../../shared/schemas/petition';
import { isDispatched, isOpen } from '../../shared/workflow';
import { auditOf } from './audit';
import { canSee, submitPetition } from './petitions';
import type { Deps, PartnerCaller, StaffCaller } from './context';

const SPEC = 'http://wiki.open311.org/GeoReport_v2';
const CHANGESET = '2026-11-29T00:00:00Z';

const hashOf = (apiKey: string) => createHash('sha256').update(apiKey).digest('hex');

/** The partner a key stands for, and one more request on its minute's counter; 401 for a missing, unknown or revoked key. */
export async function partnerCaller(deps: Deps, apiKey: string | undefined): Promise<PartnerCaller> {
  if (!apiKey) throw new UnauthorizedError('缺少 api_key');
  const partner = /^[A-Za-z0-9_-]{20,100}$/.test(apiKey) ? await deps.partners.byKeyHash(hashOf(apiKey)) : undefined;
  if (!partner?.active) throw new UnauthorizedError('api_key 无效或已停用');
  const now = deps.clock.now();
  const minute = now.toISOString().slice(0, 16);
  const within = await deps.partners.take(`o311:${partner.id}#${minute}`, deps.open311.perMinute, Math.floor(now.getTime() / 1000) + 120);
  if (!within) throw new TooManyRequestsError(`每分钟至多 ${deps.open311.perMinute} 次请求，请稍后再试`, 60);
  return { kind: 'partner', id: partner.id, name: partner.name, countyId: partner.countyId, channel: partner.channel };
}

export function discovery(origin: string) {
  return {
    changeset: CHANGESET,
    contact: '县综治中心（哨岗）',
    key_service: '合作系统的 api_key 由县级管理员在哨岗后台发放',
    endpoints: [{ specification: SPEC, url: `${origin}/open311/v2`, changeset: CHANGESET, type: 'production' as const, formats: ['application/json'] }],
  };
}

export async function services(deps: Deps) {
  const org = await deps.org.load();
  return org.categories.map((c) => ({
    service_code: c.id,
    service_name: c.name,
    description: c.name,
    metadata: true,
    type: 'realtime' as const,
    keywords: '',
    group: { village: '村级', township: '乡镇级', county: '县级' }[c.level],
  }));
}

/** Where a request is: a post (`address_id`), or the township attribute, with the townships to choose from. */
export async function service(deps: Deps, code: string) {
  const org = await deps.org.load();
  if (!org.categories.some((c) => c.id === code)) throw new NotFoundError('没有这个诉求类型');
  const townships = [...org.nodes.values()].filter((n) => n.kind === 'township');
  return {
    service_code: code,
    attributes: [
      {
        variable: true,
        code: 'township',
        datatype: 'singlevaluelist' as const,
        required: false,
        datatype_description: '诉求所在的乡镇；未给出岗点（address_id）时必填',
        order: 1,
        description: '所在乡镇',
        values: townships.map((t) => ({ key: t.id, name: t.name })),
      },
    ],
  };
}

/** A partner's request: routed and stored like any report, with the partner's channel; one per external_id. */
export async function submit(deps: Deps, caller: PartnerCaller, body: Open311RequestBody) {
  const org = await deps.org.load();
  const post = body.address_id ? await deps.org.getPost(body.address_id) : undefined;
  const place = post?.nodeId ?? body['attribute[township]'];
  // a partner files into its own county only; elsewhere the place is as unknown as one that does not exist
  if (place && countyOf(org, place)?.id !== caller.countyId) {
    const path = body.address_id ? 'address_id' : 'attribute[township]';
    throw new ValidationError('地点不在本县', [{ path, message: `${path} 不是本县的岗点或乡镇` }]);
  }
  const key = body.external_id ? `x${createHash('sha256').update(body.external_id).digest('base64url').slice(0, 40)}` : deps.ids.id();
  const out = await submitPetition(deps, caller, key, {
    channel: 'hotline',
    postId: body.address_id,
    townshipId: body.address_id ? undefined : body['attribute[township]'],
    categoryId: body.service_code,
    description: body.description,
    photos: [],
    location: body.lat !== undefined && body.long !== undefined ? { lat: body.lat, lng: body.long } : undefined,
    anonymous: false,
    phone: body.phone,
  });
  const r = out.response;
  return {
    created: out.created,
    answer: [{ service_request_id: r.id, token: r.trackingCode, service_notice: noticeOf(r.centreName, r.dueAt), account_id: body.account_id }],
  };
}

const noticeOf = (centreName: string, dueAt?: string) => (dueAt ? `已转${centreName}，受理期限 ${dueAt}` : `已转${centreName}`);

function requestOf(p: Petition | PetitionSummary, org: Org, notes: string, description: string): Open311Request {
  const category = org.categories.find((c) => c.id === p.categoryId);
  const centre = org.nodes.get(p.centreId);
  // the department answers for a case once it is dispatched there; before, the centre does
  const department = p.departmentId && isDispatched(p.status) ? org.departments.find((d) => d.id === p.departmentId) : undefined;
  const centreName = centre?.centreName ?? centre?.name ?? '';
  const open = isOpen(p.status);
  return {
    service_request_id: p.id,
    status: open ? 'open' : 'closed',
    status_notes: notes,
    service_name: category?.name ?? p.categoryId,
    service_code: p.categoryId,
    description,
    agency_responsible: department?.name ?? centreName,
    service_notice: centreName,
    requested_datetime: p.createdAt,
    updated_datetime: p.updatedAt,
    expected_datetime: open ? p.dueAt : undefined,
    address_id: p.postId,
  };
}

/** One request the partner filed, with the last note the citizen may read; 404 for any other. */
export async function request(deps: Deps, caller: PartnerCaller, id: string) {
  const [p, org] = await Promise.all([deps.petitions.getWithTimeline(id), deps.org.load()]);
  if (!p || !canSee(caller, p, org)) throw new NotFoundError('未找到该诉求');
  const note = [...p.timeline].reverse().find((e) => e.visibility === 'public' && e.note)?.note;
  const out = requestOf(p, org, note ? `${STATUS_LABELS[p.status]}：${note}` : STATUS_LABELS[p.status], reportText(p));
  return [{ ...out, ...(p.location ? { lat: p.location.lat, long: p.location.lng } : {}) }];
}

/** What the partner filed, newest first, a page at a time (`page` is the cursor of the Link header's next page). */
export async function requests(deps: Deps, caller: PartnerCaller, q: Open311ListQuery) {
  const org = await deps.org.load();
  if (q.service_request_id) {
    const ids = [...new Set(q.service_request_id.split(','))];
    const found = await Promise.all(ids.map((id) => request(deps, caller, id).catch((e) => (e instanceof NotFoundError ? [] : Promise.reject(e)))));
    return { items: found.flat(), cursor: undefined };
  }
  const now = deps.clock.now();
  // the spec's default: the last 90 days; a date sent with any offset (China time: +08:00) or whole seconds is read as
  // a time and written as the stored times are (UTC, milliseconds), since the range compares them as text
  const from = new Date(q.start_date ?? now.getTime() - 90 * 86_400_000).toISOString();
  const to = new Date(q.end_date ?? now).toISOString();
  // a range that ends before it starts holds nothing (and DynamoDB refuses such a key range)
  if (from > to) return { items: [], cursor: undefined };
  const statuses = q.status ? q.status.split(',') : ['open', 'closed'];
  const page = await deps.petitions.listByPartner(caller.id, { from, to, categoryId: q.service_code }, { limit: q.page_size, cursor: q.page });
  const items = page.items
    .filter((p) => statuses.includes(isOpen(p.status) ? 'open' : 'closed'))
    .map((p) => requestOf(p, org, STATUS_LABELS[p.status], p.summary));
  return { items, cursor: page.cursor };
}

/** A token is the request's tracking code: it names the request of the partner that holds it. */
export async function token(deps: Deps, caller: PartnerCaller, trackingCode: string) {
  const found = await deps.petitions.findByTrackingCode(trackingCode);
  const [p, org] = await Promise.all([found ? deps.petitions.get(found.id) : undefined, deps.org.load()]);
  if (!p || !canSee(caller, p, org)) throw new NotFoundError('未找到该令牌');
  return [{ service_request_id: p.id, token: trackingCode }];
}

// Partner systems, managed by the county's admins -----------------------------------------------------------------

function requireAdmin(caller: StaffCaller, countyId: string, org: Org) {
  if (caller.role !== 'admin' || countyOf(org, caller.scopeNodeId)?.id !== countyId) throw new NotFoundError('未找到');
}

export async function listPartners(deps: Deps, caller: StaffCaller) {
  const org = await deps.org.load();
  const countyId = countyOf(org, caller.scopeNodeId)?.id ?? '';
  requireAdmin(caller, countyId, org);
  return { items: await deps.partners.list(countyId) };
}

/** A new partner and its key, shown this once: only its hash is kept. */
export async function createPartner(deps: Deps, caller: StaffCaller, body: { name: string; countyId: string }) {
  const org = await deps.org.load();
  requireAdmin(caller, body.countyId, org);
  const apiKey = `sg_${randomBytes(24).toString('base64url')}`;
  const partner: Partner = { id: deps.ids.id(), name: body.name, countyId: body.countyId, channel: 'hotline', active: true, createdAt: deps.clock.now().toISOString() };
  await deps.partners.create(partner, hashOf(apiKey));
  await deps.audit.put(auditOf(deps, caller, partner.countyId, { subject: 'partner', subjectId: partner.id, action: 'create', after: { name: partner.name } }));
  return { ...partner, apiKey };
}

export async function revokePartner(deps: Deps, caller: StaffCaller, id: string) {
  const org = await deps.org.load();
  const countyId = countyOf(org, caller.scopeNodeId)?.id ?? '';
  requireAdmin(caller, countyId, org);
  const partner = await deps.partners.get(countyId, id);
  if (!partner) throw new NotFoundError('未找到该合作系统');
  await deps.partners.revoke(partner);
  await deps.audit.put(auditOf(deps, caller, countyId, { subject: 'partner', subjectId: id, action: 'revoke', before: { active: true }, after: { active: false } }));
  const { keyHash: _hash, ...rest } = partner;
  return { ...rest, active: false };
}
