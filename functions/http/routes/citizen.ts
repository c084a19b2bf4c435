/**
 * The citizen function's route table: the app's citizen routes (logins, the post, the report, its record and rating),
 * WeChat's pushes (the media check's verdict)
 * and the reception bookings, each the thin adapter from a parsed request to one use case.
 */
import { BOOKING } from '../../../shared/contract/booking';
import { CITIZEN } from '../../../shared/contract/citizen';
import { WECHAT } from '../../../shared/contract/wechat';
import type { RouteGroup } from '../../../shared/contract/route';
import * as auth from '../../usecases/auth';
import * as bookings from '../../usecases/bookings';
import * as notifications from '../../usecases/notifications';
import * as org from '../../usecases/org';
import * as petitions from '../../usecases/petitions';
import * as uploads from '../../usecases/uploads';
import * as wechatPush from '../../usecases/wechatPush';
import { bindAll, submitted, withStatus, type Handlers, type Route } from '../bind';

const HANDLERS: Handlers<{ citizen: typeof CITIZEN; booking: typeof BOOKING; wechat: typeof WECHAT }> = {
  citizen: {
    wechatLogin: ({ body }, deps) => auth.wechatLogin(deps, body.code),
    devLogin: ({ body }, deps) => auth.devLogin(deps, body.name),
    post: ({ params }, deps) => org.postForCitizen(deps, params.postId),
    townships: (_req, deps) => org.listTownships(deps),
    track: ({ params, query }, deps) => petitions.track(deps, params.trackingCode, query.secret),
    upload: ({ caller, body }, deps) => uploads.presignPhoto(deps, caller, body),
    uploadAudio: ({ caller, body }, deps) => uploads.presignAudio(deps, caller, body),
    subscribe: async ({ caller, body }, deps) => notifications.subscribe(deps, caller.openid, body.templates),
    submit: async ({ caller, headers, body }, deps) => submitted(await petitions.submitPetition(deps, caller, headers['Idempotency-Key'], body)),
    claim: ({ caller, body }, deps) => petitions.claimPetition(deps, caller, body),
    mine: ({ caller, query }, deps) => petitions.listMine(deps, caller, query),
    petition: ({ caller, params }, deps) => petitions.getForCitizen(deps, caller, params.id),
    rate: ({ caller, params, body }, deps) => petitions.rate(deps, caller, params.id, body),
  },
  booking: {
    hosts: ({ query }, deps) => bookings.listHosts(deps, query),
    host: ({ params }, deps) => bookings.getHost(deps, params.hostId),
    slots: ({ params, query }, deps) => bookings.listSlots(deps, params.hostId, query),
    book: async ({ caller, headers, body }, deps) => {
      const out = await bookings.book(deps, caller, headers['Idempotency-Key'], body);
      return withStatus(out.created ? 201 : 200, out.view);
    },
    mine: ({ caller, query }, deps) => bookings.listMine(deps, caller, query),
    booking: ({ caller, params }, deps) => bookings.getMine(deps, caller, params.id),
    cancel: ({ caller, params, body }, deps) => bookings.cancelMine(deps, caller, params.id, body.reason),
    reschedule: ({ caller, params, body }, deps) => bookings.reschedule(deps, caller, params.id, body.start),
    rate: ({ caller, params, body }, deps) => bookings.rate(deps, caller, params.id, body),
  },
  wechat: {
    check: async ({ query }, deps) => wechatPush.checkPushAddress(deps, query),
    event: ({ query, body }, deps) => wechatPush.receivePush(deps, query, body),
  },
};

export const CITIZEN_ROUTES: Route[] = bindAll({ citizen: CITIZEN, booking: BOOKING, wechat: WECHAT } as unknown as RouteGroup, HANDLERS);
