/**
 * Every key of the single table is built here. Items are `pk`/`sk`; indexes are sparse and overloaded:
 *
 * | index          | partition                          | sort              | what it answers                         |
 * |----------------|------------------------------------|-------------------|-----------------------------------------|
 * | byCentre       | C#centre / CP#township (posts)     | q_sk              | a centre's queue, newest first; posts   |
 * |                | CV#village (village entries)       |                   | what a village holds (小事不出村)        |
 * |                | EF#county#field (expert fields)    |                   | the experts of a field (推荐专家)        |
 * |                | SV#centre (supervision entries)    |                   | the cases a centre supervises (督办)    |
 * |                | KBC#centre (board entries)         |                   | a township's 揭榜领案 board: its own    |
 * | byCentreStatus | C#centre#status / CV#village#status| q_sk              | a centre's / a village's queue tab      |
 * | byCounty       | K#county / KU#county (users)       | q_sk              | the county's queue; staff users         |
 * |                | KE#county (experts)                |                   | the county's expert pool (专家库)        |
 * |                | KB#county (board entries)          |                   | the county's 揭榜领案 board              |
 * | byCountyStatus | K#county#status                    | q_sk              | the county's queue tab                  |
 * | byReporter     | R#openid                           | q_sk              | my petitions                            |
 * |                | R#agent#user (filed entries)       |                   | what a staff user filed (我代办的)      |
 * |                | R#team#user (team entries)         |                   | the backlog cases a user is on (专班)   |
 * | byDepartment   | D#department                       | q_sk              | a department's dispatched cases         |
 * |                | DC#department (consultation entries)|                  | the consultations it is called into     |
 * | byDue          | DUE#county / NDUE#county           | due_sk            | the county's open cases by deadline / by when near due |
 * | byCentreDue    | CD#centre / NCD#centre / CVD#village | due_sk          | a centre's (a village's) open cases by deadline / by when near due |
 * | byDepartmentDue| DD#department / NDD#department     | due_sk            | a department's dispatched open cases / by when near due |
 * | byPostCategory | PC#post#category                   | q_sk              | repeat detection at a post              |
 * |                | PH#phone key#category              |                   | repeat detection by phone (30 days)     |
 * | byAlert        | AL#county                          | al_sk             | the sweeper: the next alert due         |
 * | byTask         | TK#centre                          | tk_sk             | review and follow-up tasks, by when due |
 */
import type { Status } from '../../../shared/schemas/common';

export const INDEXES = {
  byCentre: { pk: 'cq_pk', sk: 'q_sk' },
  byCentreStatus: { pk: 'cs_pk', sk: 'q_sk' },
  byCounty: { pk: 'kq_pk', sk: 'q_sk' },
  byCountyStatus: { pk: 'ks_pk', sk: 'q_sk' },
  byReporter: { pk: 'r_pk', sk: 'q_sk' },
  byDepartment: { pk: 'd_pk', sk: 'q_sk' },
  byDue: { pk: 'due_pk', sk: 'due_sk' },
  byCentreDue: { pk: 'cd_pk', sk: 'due_sk' },
  byDepartmentDue: { pk: 'dd_pk', sk: 'due_sk' },
  byPostCategory: { pk: 'pc_pk', sk: 'q_sk' },
  byAlert: { pk: 'al_pk', sk: 'al_sk' },
  byTask: { pk: 'tk_pk', sk: 'tk_sk' },
} as const;
export type IndexName = keyof typeof INDEXES;

/**
 * What every index projects besides its keys: one map attribute, `row`, holding what a list row shows. One
 * attribute keeps the table far below DynamoDB's limit of 100 projected attributes across all indexes.
 */
export const ROW = 'row';

export const keys = {
  petition: (id: string) => ({ pk: `P#${id}`, sk: 'P' }),
  event: (id: string, seq: number) => ({ pk: `P#${id}`, sk: `E#${String(seq).padStart(6, '0')}` }),
  eventPrefix: 'E#',
  /**
   * A petition's near-due entry: while its current deadline has not been urged, a second item in the petition's
   * partition sits in the three deadline indexes under `N…` partitions, sorted by the instant the step becomes near
   * due (shared/supervision.ts nearDueAt), so the 临期 tab reads `nearDueAt <= now` and nothing else.
   */
  nearDue: (id: string) => ({ pk: `P#${id}`, sk: 'NEAR' }),
  /**
   * An escalated petition's supervision entry: while a level above its owner supervises it (supervisedBy), a second
   * item in the petition's partition sits in byCentre under `SV#<supervising centre>`, newest first like the queue,
   * so the supervisor's 督办 list reads only the cases it supervises. The owner's own queue is untouched.
   */
  supervision: (id: string) => ({ pk: `P#${id}`, sk: 'SUP' }),
  /**
   * A petition's phone entry: written with the petition when it holds a phone number, a second item in its partition
   * in byPostCategory under `PH#<keyed hash of the phone>#<category>`, sorted by creation like the queue, kept 31
   * days by the table's TTL: a case registered later with the same phone and matter finds it in one query.
   */
  phoneEntry: (id: string) => ({ pk: `P#${id}`, sk: 'PH' }),
  phoneCategory: (phoneKey: string, categoryId: string) => `PH#${phoneKey}#${categoryId}`,
  /**
   * A co-department's consultation entry (联合会诊): for each department called into a petition's consultation, an
   * item in the petition's partition sits in byDepartment under `DC#<department>`, sorted by when the consultation
   * started, so a co-department's handlers list the cases they are called into, a page at a time.
   */
  consultationEntry: (id: string, departmentId: string) => ({ pk: `P#${id}`, sk: `CONS#${departmentId}` }),
  /**
   * A filed petition's entry: while a staff user filed the case for a citizen (agentId), a second item in its
   * partition sits in byReporter under `R#agent#<user>`, newest first, its row the case's with when the filer last
   * looked (agentSeenAt), written with every version of the case. It stays when the citizen claims the case (the
   * petition itself then moves to the citizen's `R#openid`), so 我代办的 reads one partition of the filer's own.
   */
  filed: (id: string) => ({ pk: `P#${id}`, sk: 'AG' }),
  filedBy: (userId: string) => `R#agent#${userId}`,
  /**
   * A backlog case posted to the county's board (揭榜领案): a second item in the petition's partition, in byCounty
   * under `KB#<county>` and in byCentre under `KBC#<centre>` (a township's staff read their own centre's, a page that
   * is never short), newest posting first; it stays after the claim, so the board shows who claimed what.
   */
  boardEntry: (id: string) => ({ pk: `P#${id}`, sk: 'BOARD' }),
  /**
   * A backlog case's team entry (专班, 包案领导): for each staff user the case is assigned to (its team, and its lead
   * official when an account), an item in the petition's partition in byReporter under `R#team#<user>`, newest case
   * first, its row the case's, written with every version and deleted when the user leaves the case: a member's
   * 专班 list reads one partition of their own, a page at a time.
   */
  teamEntry: (id: string, userId: string) => ({ pk: `P#${id}`, sk: `TEAM#${userId}` }),
  teamOf: (userId: string) => `R#team#${userId}`,
  board: (countyId: string) => `KB#${countyId}`,
  centreBoard: (centreId: string) => `KBC#${centreId}`,
  /**
   * A village-held petition's entry (小事不出村): while its village holds it (level `village`), a second item in its
   * partition sits in byCentre under `CV#<village>`, in byCentreStatus under `CV#<village>#<status>` and, while open,
   * in byCentreDue under `CVD#<village>`, written with every version of the case and deleted when the township takes
   * it: a village's staff read their queue, its tabs and its overdue cases like a centre, one page a read.
   */
  villageEntry: (id: string) => ({ pk: `P#${id}`, sk: 'VIL' }),
  villageQueue: (villageId: string) => `CV#${villageId}`,
  villageStatusQueue: (villageId: string, status: Status) => `CV#${villageId}#${status}`,
  villageDue: (villageId: string) => `CVD#${villageId}`,
  /**
   * The number of the last case document a centre issued of a kind in a China year (一单一书…): `n`, moved from n to
   * n + 1 under a condition in the same transaction as the document's event, so numbers are gapless and unique.
   */
  documentCounter: (centreId: string, kind: string, year: number) => ({ pk: `DOCNO#${centreId}`, sk: `${kind}#${year}` }),
  tracking: (code: string) => ({ pk: `T#${code}`, sk: 'T' }),
  /** a recording's media check (WeChat's trace id) → its petition, until the verdict's push: written with the report */
  mediaCheck: (traceId: string) => ({ pk: `MC#${traceId}`, sk: 'MC' }),
  idempotency: (scope: string, key: string) => ({ pk: `I#${scope}#${key}`, sk: 'I' }),
  orgPartition: 'ORG',
  node: (id: string) => ({ pk: 'ORG', sk: `N#${id}` }),
  department: (id: string) => ({ pk: 'ORG', sk: `DEP#${id}` }),
  category: (id: string) => ({ pk: 'ORG', sk: `CAT#${id}` }),
  post: (id: string) => ({ pk: `POST#${id}`, sk: 'POST' }),
  user: (username: string) => ({ pk: `U#${username}`, sk: 'U' }),

  queueSort: (createdAt: string, id: string) => `${createdAt}#${id}`,
  dueSort: (dueAt: string, id: string) => `${dueAt}#${id}`,
  centreQueue: (centreId: string) => `C#${centreId}`,
  centreStatusQueue: (centreId: string, status: Status) => `C#${centreId}#${status}`,
  /** the supervision entries (keys.supervision) of the cases a centre supervises */
  supervisedQueue: (centreId: string) => `SV#${centreId}`,
  countyQueue: (countyId: string) => `K#${countyId}`,
  countyStatusQueue: (countyId: string, status: Status) => `K#${countyId}#${status}`,
  reporter: (openid: string) => `R#${openid}`,
  departmentQueue: (departmentId: string) => `D#${departmentId}`,
  /** the consultation entries (keys.consultationEntry) of the cases a department is called into */
  consultingQueue: (departmentId: string) => `DC#${departmentId}`,
  due: (countyId: string) => `DUE#${countyId}`,
  /** a centre's open petitions, by deadline: its queue, most urgent first, and its overdue and near-due tabs */
  centreDue: (centreId: string) => `CD#${centreId}`,
  /** a department's open petitions once dispatched to it, by deadline: what its handlers may see, most urgent first */
  departmentDue: (departmentId: string) => `DD#${departmentId}`,
  /** the near-due entries (keys.nearDue) of a county, a centre and a department, sorted by nearDueAt#id */
  countyNearDue: (countyId: string) => `NDUE#${countyId}`,
  centreNearDue: (centreId: string) => `NCD#${centreId}`,
  departmentNearDue: (departmentId: string) => `NDD#${departmentId}`,
  postCategory: (postId: string, categoryId: string) => `PC#${postId}#${categoryId}`,
  alerts: (countyId: string) => `AL#${countyId}`,
  alertSort: (at: string, id: string) => `${at}#${id}`,
  tasks: (centreId: string) => `TK#${centreId}`,
  postsOfTownship: (townshipId: string) => `CP#${townshipId}`,
  usersOfCounty: (countyId: string) => `KU#${countyId}`,

  // Video receptions (bookings). A host's item and its slot items share the partition `H#host`, so one query reads
  // a host's booked slots. Hosts are listed through byCentre (`CH#centre`) and byCounty (`KH#county`); bookings
  // through byReporter (`BR#openid`, a citizen's) and byCentre (`CB#centre`, a centre's schedule), sorted by start.
  host: (id: string) => ({ pk: `H#${id}`, sk: 'H' }),
  /** a slot's state: `booked` count and `bookingIds`; booking it is one conditional update in a transaction */
  slot: (hostId: string, start: string) => ({ pk: `H#${hostId}`, sk: `SLOT#${start}` }),
  slotPrefix: 'SLOT#',
  /**
   * The reception figures' counters of a centre (shared/bookingFigures.ts), one partition per centre, one item per
   * month (`M#YYYY-MM`): the centre's own split into FIGURE_SHARDS items by booking (`…#C#<shard>`), and one per host
   * (`…#H#<host>`), so one query of a range of months reads the centre's and every host's figures.
   */
  bookingFigures: (centreId: string, month: string, of: { shard: number } | { hostId: string }) => ({
    pk: `BFIG#${centreId}`,
    sk: `${month}#${'shard' in of ? `C#${of.shard}` : `H#${of.hostId}`}`,
  }),
  /** the sort-key bounds of the months `fromMonth`..`toMonth` of a centre's reception counters */
  bookingFiguresRange: (fromMonth: string, toMonth: string) => ({ from: `${fromMonth}#`, to: `${toMonth}#~` }),
  booking: (id: string) => ({ pk: `B#${id}`, sk: 'B' }),
  /** the set `bookingIds` of one citizen's bookings with one host in one China week (its Monday): the weekly cap */
  citizenHostWeek: (openid: string, hostId: string, monday: string) => ({ pk: `BW#${openid}#${hostId}`, sk: `W#${monday}` }),
  /** a reminder to send; see functions/adapters/dynamo/bookings.ts for the item's shape */
  outbox: (id: string) => ({ pk: `OUTBOX#${id}`, sk: 'OUTBOX' }),
  /**
   * 专家库: an expert is `EXP#<id>`/`EXP` (listed through byCounty `KE#<county>`), and for each of its fields an item
   * `EXP#<id>`/`F#<field>` in byCentre under `EF#<county>#<field>`, so 推荐专家 reads the partitions of the case's
   * fields (the experts who could match) and nothing else.
   */
  expert: (id: string) => ({ pk: `EXP#${id}`, sk: 'EXP' }),
  expertField: (id: string, field: string) => ({ pk: `EXP#${id}`, sk: `F#${field}` }),
  expertsOfCounty: (countyId: string) => `KE#${countyId}`,
  expertsOfField: (countyId: string, field: string) => `EF#${countyId}#${field}`,
  hostsOfCentre: (centreId: string) => `CH#${centreId}`,
  hostsOfCounty: (countyId: string) => `KH#${countyId}`,
  bookingsOfCitizen: (openid: string) => `BR#${openid}`,
  bookingsOfCentre: (centreId: string) => `CB#${centreId}`,
  bookingSort: (start: string, id: string) => `${start}#${id}`,
  /**
   * The figures' counters of a centre or county for a day (`D#YYYY-MM-DD`) or now (`NOW`), split into FIGURE_SHARDS
   * items by petition so that busy days do not make every step of a county wait on one item.
   */
  figures: (scope: string, key: string, shard: number) => ({ pk: `FIG#${scope}#${shard}`, sk: key }),
  /**
   * The early warnings (未诉先办) of a township or a county for a month: one item, each warning a map attribute
   * (`w_<key>`; the county's `w_<township>__<key>`) written once under `attribute_not_exists`, so a sweep raises a
   * warning once per township, subject and month. The dashboard reads its scope's item in its one BatchGetItem.
   */
  warnings: (scope: string, month: string) => ({ pk: `WARN#${scope}`, sk: `M#${month}` }),
  /** a one-off change to items written before (functions/adapters/dynamo/migrations.ts), marked done once it ran */
  migration: (id: string) => ({ pk: 'MIGRATION', sk: id }),
  /** a case whose record the departments' counters' backfill counted (migrations.ts DEPARTMENT_COUNTERS): once */
  departmentBackfill: (petitionId: string) => ({ pk: `DEPFILL#${petitionId}`, sk: 'D' }),
  /**
   * Open311 partner systems of a county, one partition (a handful of items), and each partner's key by its hash: the
   * key check is one read of `PKEY#<sha-256 of the key>`, which holds what the check needs.
   */
  partners: (countyId: string) => `PARTNERS#${countyId}`,
  partner: (countyId: string, id: string) => ({ pk: `PARTNERS#${countyId}`, sk: `P#${id}` }),
  partnerKey: (keyHash: string) => ({ pk: `PKEY#${keyHash}`, sk: 'K' }),
  /** the byReporter partition of what a partner filed (a wechat openid never holds '#') */
  partnerReporter: (partnerId: string) => `partner#${partnerId}`,
  /** a rate-limit counter, e.g. `c:<openid>#2026-12-01T09` */
  quota: (key: string) => ({ pk: `Q#${key}`, sk: 'Q' }),
  /**
   * A staff login throttle counter (shared/loginThrottle.ts): `u#<hash of the username>` or `a#<source address>`;
   * DynamoDB's TTL removes it after its window, and every write is conditional on the version read.
   */
  loginThrottle: (key: string) => ({ pk: `LT#${key}`, sk: 'LT' }),
  /**
   * Staff login records of a county (`~`: attempts at usernames that are nobody's), one partition read newest
   * first by time#id; each expires with the logs (LOGIN_RECORD_DAYS).
   */
  loginRecords: (countyId: string) => `LOGINS#${countyId}`,
  loginRecord: (countyId: string, at: string, id: string) => ({ pk: `LOGINS#${countyId}`, sk: `${at}#${id}` }),
  /**
   * The audit record of a county (changes to users, roles, scopes, nodes, departments, categories and time limits),
   * one partition read newest first by time#id, written in the same transaction as the change it records.
   */
  audit: (countyId: string) => `AUDIT#${countyId}`,
  auditEntry: (countyId: string, at: string, id: string) => ({ pk: `AUDIT#${countyId}`, sk: `${at}#${id}` }),
  /** a citizen's consents to subscribe messages, counted per template */
  subscription: (openid: string) => ({ pk: `SUB#${openid}`, sk: 'SUB' }),
  /** byDue partition of a county's unsent reminders, apart from the petitions' `DUE#county` */
  outboxDue: (countyId: string) => `OB#${countyId}`,
};

/**
 * Three shards: enough that concurrent steps of one county rarely wait on one item, few enough that a dashboard of the
 * longest period and the same period a year before (at most 26 months) plus now is 81 keys, one BatchGetItem (at most 100).
 */
export const FIGURE_SHARDS = 3;
/** The counter shard a petition writes to: stable, from its id. */
export function figureShard(petitionId: string): number {
  let h = 0;
  for (const c of petitionId) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % FIGURE_SHARDS;
}

/** Every attribute that is a key or the index row, never part of a domain object itself. */
export const KEY_ATTRIBUTES = new Set<string>(['pk', 'sk', ROW, ...Object.values(INDEXES).flatMap((i) => [i.pk, i.sk])]);

/**
 * An opaque cursor: the sort key of the last row, base64url. The partition is always chosen by the server from
 * the caller's scope, so a cursor can never move a caller into another partition.
 */
export function encodeCursor(sortKey: string): string {
  return Buffer.from(sortKey, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string | undefined {
  const s = Buffer.from(cursor, 'base64url').toString('utf8');
  return /^[\w:.+-]{1,80}(#[\w-]{1,64})?$/.test(s) ? s : undefined;
}

/** The id is what follows the last `#` of a sort key. */
export function idOfSortKey(sortKey: string): string {
  return sortKey.slice(sortKey.lastIndexOf('#') + 1);
}
