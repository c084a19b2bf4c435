/**
 * The admin function's route table: the staff routes but the case work (functions.ts): figures, warnings, export,
 * the organisation, people and logins, partner systems, receptions. Each the thin adapter to one use case.
 */
import type { RouteGroup } from '../../../shared/contract/route';
import { STAFF } from '../../../shared/contract/staff';
import * as audit from '../../usecases/audit';
import * as auth from '../../usecases/auth';
import * as bookings from '../../usecases/bookings';
import * as dashboard from '../../usecases/dashboard';
import * as evaluation from '../../usecases/evaluation';
import * as exporting from '../../usecases/export';
import * as open311 from '../../usecases/open311';
import * as org from '../../usecases/org';
import * as users from '../../usecases/users';
import * as warnings from '../../usecases/warnings';
import { isCaseWork, type CaseWork } from '../functions';
import { bindAll, withStatus, type Handlers, type Route } from '../bind';

const HANDLERS: Handlers<{ staff: Omit<typeof STAFF, CaseWork> }> = {
  staff: {
    login: ({ body, sourceIp }, deps) => auth.staffLogin(deps, body.username, body.password, sourceIp),
    logins: ({ caller, query }, deps) => auth.listLogins(deps, caller, query),
    liftLock: ({ caller, body }, deps) => auth.liftLock(deps, caller, body),
    audit: ({ caller, query }, deps) => audit.listAudit(deps, caller, query),
    me: async ({ caller }) => caller,
    dashboard: ({ caller, query }, deps) => dashboard.dashboard(deps, caller, query),
    townshipRanking: ({ caller, query }, deps) => dashboard.townshipRanking(deps, caller, query),
    evaluation: ({ caller, query }, deps) => evaluation.evaluation(deps, caller, query),
    warnings: ({ caller, query }, deps) => warnings.listWarnings(deps, caller, query),
    warningCases: ({ caller, query }, deps) => warnings.warningCases(deps, caller, query),
    warningsSeen: ({ caller, body }, deps) => warnings.markWarningsSeen(deps, caller, body),
    export: async ({ caller, query }, deps) => {
      const out = await exporting.exportPetitions(deps, caller, query);
      return { filename: out.filename, content: out.csv };
    },
    org: ({ caller }, deps) => org.orgForStaff(deps, caller),
    posts: ({ caller, params, query }, deps) => org.listPosts(deps, caller, params.townshipId, query),
    post: ({ caller, params }, deps) => org.postForStaff(deps, caller, params.postId),
    savePost: ({ caller, params, body }, deps) => org.savePost(deps, caller, { ...body, id: params.postId }),
    saveNode: ({ caller, params, body }, deps) => org.saveNode(deps, caller, params.nodeId, body),
    saveCountySettings: ({ caller, params, body }, deps) => org.saveCountySettings(deps, caller, params.countyId, body),
    saveDepartment: ({ caller, params, body }, deps) => org.saveDepartment(deps, caller, { ...body, id: params.departmentId }),
    saveCategory: ({ caller, params, body }, deps) => org.saveCategory(deps, caller, { ...body, id: params.categoryId }),
    users: ({ caller, query }, deps) => users.listUsers(deps, caller, query),
    createUser: async ({ caller, body }, deps) => withStatus(201, await users.saveUser(deps, caller, body.username, body, true)),
    editUser: ({ caller, params, body }, deps) => users.saveUser(deps, caller, params.username, body, false),
    signOutUser: ({ caller, params }, deps) => users.signOutUser(deps, caller, params.username),
    changePassword: ({ caller, body }, deps) => auth.changeOwnPassword(deps, caller, body),
    signOutEverywhere: ({ caller }, deps) => auth.signOutEverywhere(deps, caller),
    partners: {
      list: ({ caller }, deps) => open311.listPartners(deps, caller),
      create: async ({ caller, body }, deps) => withStatus(201, await open311.createPartner(deps, caller, body)),
      revoke: ({ caller, params }, deps) => open311.revokePartner(deps, caller, params.partnerId),
    },
    receptions: {
      hosts: ({ caller }, deps) => bookings.listHostsForStaff(deps, caller),
      host: ({ caller, params }, deps) => bookings.getHostForStaff(deps, caller, params.hostId),
      saveHost: ({ caller, params, body }, deps) => bookings.saveHost(deps, caller, params.hostId, body),
      figures: ({ caller, query }, deps) => bookings.figures(deps, caller, query),
      schedule: ({ caller, query }, deps) => bookings.schedule(deps, caller, query),
      booking: ({ caller, params }, deps) => bookings.getForStaff(deps, caller, params.id),
      cancel: ({ caller, params, body }, deps) => bookings.cancelByStaff(deps, caller, params.id, body.reason),
      attendance: ({ caller, params, body }, deps) => bookings.recordAttendance(deps, caller, params.id, body),
    },
  },
};

const rest = Object.fromEntries(Object.entries(STAFF).filter(([k]) => !isCaseWork(k)));
export const ADMIN_ROUTES: Route[] = bindAll({ staff: rest } as unknown as RouteGroup, HANDLERS);
