/** The routes of video receptions as citizens use them (the booking subpackage): hosts, slots and their bookings. */
import { IdempotencyKey, PageQuery } from '../schemas/api';
import {
  BookBody,
  BookingRatingBody,
  BookingView,
  CitizenCancelBody,
  HostSlots,
  HostsQuery,
  PublicHost,
  RescheduleBody,
  SlotsQuery,
} from '../schemas/booking';
import { Id } from '../schemas/common';
import { PageResponse } from '../schemas/views';
import { route } from './route';

const ById = { id: Id };

export const BOOKING = {
  hosts: route({ method: 'GET', path: '/hosts', access: 'public', summary: '可预约的接访人', query: HostsQuery, answer: PageResponse(PublicHost) }),
  host: route({ method: 'GET', path: '/hosts/{hostId}', access: 'public', summary: '一位接访人', params: { hostId: Id }, answer: PublicHost }),
  slots: route({ method: 'GET', path: '/hosts/{hostId}/slots', access: 'public', summary: '一位接访人可预约的时段', params: { hostId: Id }, query: SlotsQuery, answer: HostSlots }),
  book: route({
    method: 'POST',
    path: '/bookings',
    access: 'citizen',
    summary: '预约接访（同一 Idempotency-Key 只预约一次）',
    headers: { 'Idempotency-Key': IdempotencyKey },
    body: BookBody,
    answer: BookingView,
    ok: [201, 200],
  }),
  mine: route({ method: 'GET', path: '/bookings/mine', access: 'citizen', summary: '我的预约', query: PageQuery, answer: PageResponse(BookingView) }),
  booking: route({ method: 'GET', path: '/bookings/{id}', access: 'citizen', summary: '我的一次预约', params: ById, answer: BookingView }),
  cancel: route({ method: 'POST', path: '/bookings/{id}/cancel', access: 'citizen', summary: '取消预约', params: ById, body: CitizenCancelBody, answer: BookingView }),
  reschedule: route({ method: 'POST', path: '/bookings/{id}/reschedule', access: 'citizen', summary: '改约到另一个时段', params: ById, body: RescheduleBody, answer: BookingView }),
  rate: route({ method: 'POST', path: '/bookings/{id}/rating', access: 'citizen', summary: '评价一次接访', params: ById, body: BookingRatingBody, answer: BookingView }),
};
