/**
 * Open311 GeoReport v2 for partner systems (shared/schemas/open311.ts): discovery and services are public, requests
 * and tokens need a partner's API key, and a partner sees only the requests it filed.
 */
import * as z from 'zod/mini';
import {
  Open311Created,
  Open311Discovery,
  Open311KeyQuery,
  Open311ListQuery,
  Open311RequestBody,
  Open311Requests,
  Open311Service,
  Open311ServiceDefinition,
  Open311Token,
} from '../schemas/open311';
import { Id, TrackingCode } from '../schemas/common';
import { route } from './route';

export const OPEN311_BASE = '/open311/v2';

export const OPEN311 = {
  discovery: route({ method: 'GET', path: `${OPEN311_BASE}/discovery.json`, access: 'public', summary: 'Open311：服务发现', answer: Open311Discovery }),
  services: route({ method: 'GET', path: `${OPEN311_BASE}/services.json`, access: 'public', summary: 'Open311：可受理的诉求类型', answer: z.array(Open311Service) }),
  service: route({
    method: 'GET',
    path: `${OPEN311_BASE}/services/{service_code}.json`,
    access: 'public',
    summary: 'Open311：诉求类型的属性（所在乡镇）',
    params: { service_code: Id },
    answer: Open311ServiceDefinition,
  }),
  submit: route({
    method: 'POST',
    path: `${OPEN311_BASE}/requests.json`,
    access: 'partner',
    summary: 'Open311：合作系统提交一件诉求（external_id 相同只提交一次）',
    body: Open311RequestBody,
    answer: Open311Created,
    ok: [201, 200],
  }),
  requests: route({ method: 'GET', path: `${OPEN311_BASE}/requests.json`, access: 'partner', summary: 'Open311：本系统提交的诉求，按时间、状态、类型', query: Open311ListQuery, answer: Open311Requests }),
  request: route({
    method: 'GET',
    path: `${OPEN311_BASE}/requests/{service_request_id}.json`,
    access: 'partner',
    summary: 'Open311：一件诉求的状态',
    params: { service_request_id: Id },
    query: Open311KeyQuery,
    answer: Open311Requests,
  }),
  token: route({
    method: 'GET',
    path: `${OPEN311_BASE}/tokens/{token}.json`,
    access: 'partner',
    summary: 'Open311：凭令牌（跟踪码）查诉求编号',
    params: { token: TrackingCode },
    query: Open311KeyQuery,
    answer: Open311Token,
  }),
};
