/**
 * Surviving mutants that no test should kill, each with the reason (an equivalent mutant, a message no one reads …).
 * Key: `file:line:mutator:replacement` as test/mutation/run.ts prints it in report.md.
 * Each was applied by hand and its tests run: they pass, for the reason given.
 */
export const EXPLAINED: Record<string, string> = {
  // supervision.ts
  'shared/supervision.ts:52:ConditionalExpression:true':
    'equivalent: isNearDue checks both `from !== undefined` and `p.dueAt !== undefined`, and nearDueAt gives undefined exactly when there is no dueAt; either check alone decides (the two are there for the type checker)',
  'shared/supervision.ts:65:EqualityOperator:consult.at <= own.at':
    'not a rule: only when the consultation deadline and the step alert fall due at the same instant; both then fall due in the same sweep, which raises both in one write, and the index instant is the same; only which is listed first changes',
  'shared/supervision.ts:124:StringLiteral:""':
    'equivalent: the fallback step name is never used; the alerts that name the step (remind, urge, overdue) are raised only while the case is open, and every open status has its step in STEP_OWNER',
  // routing.ts
  'shared/routing.ts:41:ConditionalExpression:true':
    "equivalent in any organisation that holds its county: a node's path starts at its county, so the first ancestor is the county",
  // timeLimits.ts
  'shared/timeLimits.ts:58:EqualityOperator:byPolicy <= cap':
    'equivalent: when the deadline by policy and the statutory cap are the same instant, either is the answer',
  // calendar.ts
  'shared/calendar.ts:30:StringLiteral:"Stryker was here!"':
    "equivalent for the table as written: every holiday span is `YYYY-MM-DD+days`, so split('+') always gives both parts and the defaults are never used (the calendar test compares every day of 2024–2026 with the chinese-days package)",
  'shared/calendar.ts:30:StringLiteral:""':
    "equivalent for the table as written: every holiday span is `YYYY-MM-DD+days`, so split('+') always gives both parts and the defaults are never used (the calendar test compares every day of 2024–2026 with the chinese-days package)",
  // loginThrottle.ts
  'shared/loginThrottle.ts:58:StringLiteral:"Stryker was here!"':
    "equivalent (both defaults of the line): split('::') always gives a head, so its default is never used; the tail's default is used only for an address without '::', whose groups are its own (the tail is then not read)",
  'shared/loginThrottle.ts:60:ArrayDeclaration:["Stryker was here"]':
    "equivalent: an empty tail (an address ending in '::') becomes one group after the zeros that fill the address to eight groups, never within the first four that make the /64 key",
  'shared/loginThrottle.ts:61:StringLiteral:""':
    "equivalent for any valid IPv6 address: one without '::' has all eight groups, so treating it as compressed adds no zeros and the first four groups stay the same (API Gateway's sourceIp is a valid address)",
  // workflow.ts
  'shared/workflow.ts:123:ConditionalExpression:true':
    'equivalent: a staff actor without an id is on no team either way; backlogMembers lists only the lead\'s id when it has one and team ids, which are strings',
  'shared/workflow.ts:132:ConditionalExpression:false':
    "equivalent: the only step whose note is 'chosen' is progress, and its event sets visibility from the body (cmd.visibility), overriding the table's",
  'shared/workflow.ts:132:StringLiteral:""':
    "equivalent: the only step whose note is 'chosen' is progress, and its event sets visibility from the body (cmd.visibility), overriding the table's",
  'shared/workflow.ts:401:ConditionalExpression:true':
    'equivalent: only a WeChat reporter has an openid (an agent or partner reporter carries none), so `openid === citizen.id` already implies the kind',
};
