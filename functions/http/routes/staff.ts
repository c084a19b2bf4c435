/** The staff function's route table: the case work of the staff pages (functions.ts CASE_WORK), each the thin adapter to one use case. */
import type { RouteGroup } from '../../../shared/contract/route';
import { CASE_WORK_ROUTES as STAFF } from '../../../shared/contract/caseWork';
import type { StaffStep, StepInput } from '../../../shared/steps';
import * as backlog from '../../usecases/backlog';
import * as experts from '../../usecases/experts';
import * as meetings from '../../usecases/meetings';
import * as petitions from '../../usecases/petitions';
import * as uploads from '../../usecases/uploads';
import { CASE_WORK, type CaseWork } from '../functions';
import { bindAll, submitted, type Handler, type Handlers, type Route } from '../bind';

/** Staff steps answer the case file (stepForStaff); the phone look and a repeat found by its code have their own. */
const step =
  <A extends StaffStep>(action: A): Handler<(typeof STAFF)['step'][A]> =>
  ({ caller, params, body }, deps) =>
    petitions.stepForStaff(deps, caller, params.id, { action, ...(body as object) } as StepInput) as never;
const STEP_HANDLERS = Object.fromEntries((Object.keys(STAFF.step) as StaffStep[]).map((a) => [a, step(a)])) as Handlers<(typeof STAFF)['step']>;

const HANDLERS: Handlers<{ staff: Pick<typeof STAFF, CaseWork> }> = {
  staff: {
    queue: ({ caller, query }, deps) => petitions.staffQueue(deps, caller, query),
    petition: ({ caller, params }, deps) => petitions.getForStaff(deps, caller, params.id),
    // 统一登记: centre staff and agents register a visit, call, letter, 12345 case or other for a citizen (凡诉代办).
    submit: async ({ caller, headers, body }, deps) => submitted(await petitions.submitPetition(deps, caller, headers['Idempotency-Key'], body)),
    upload: ({ caller, body }, deps) => uploads.presignPhoto(deps, caller, body),
    filed: ({ caller, query }, deps) => petitions.listFiled(deps, caller, query),
    step: {
      ...STEP_HANDLERS,
      link_repeat: ({ caller, params, body }, deps) => petitions.linkRepeat(deps, caller, params.id, body),
      reveal_phone: ({ caller, params }, deps) => petitions.revealPhone(deps, caller, params.id),
      // a retried send with the same key answers the document it issued, never a second number
      issue_document: ({ caller, params, headers, body }, deps) =>
        petitions.stepForStaff(deps, caller, params.id, { action: 'issue_document', ...body }, headers['Idempotency-Key']) as never,
      // 会诊会议: its hosts' slots are taken with the case's record line, once per key
      book_meeting: ({ caller, params, headers, body }, deps) => meetings.bookMeeting(deps, caller, params.id, body, headers['Idempotency-Key']) as never,
    },
    meetingHosts: ({ caller, params, query }, deps) => meetings.meetingHosts(deps, caller, params.id, query.day),
    tasks: ({ caller, query }, deps) => petitions.staffTasks(deps, caller, query),
    board: ({ caller, query }, deps) => backlog.board(deps, caller, query),
    experts: {
      list: ({ caller, query }, deps) => experts.listExperts(deps, caller, query),
      save: ({ caller, params, body }, deps) => experts.saveExpert(deps, caller, params.expertId, body),
      recommend: ({ caller, params }, deps) => experts.recommendExperts(deps, caller, params.id),
    },
  },
};

const pick = Object.fromEntries(CASE_WORK.map((k) => [k, STAFF[k]]));
export const STAFF_ROUTES: Route[] = bindAll({ staff: pick } as unknown as RouteGroup, HANDLERS);
