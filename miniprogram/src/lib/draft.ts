/**
 * Drafts of reports not yet accepted by the API. On a weak network a send can time out after the server has
 * already stored the petition, so the idempotency key is made at the first send and saved with the draft; every
 * later send of the same draft (after a retry, or after the app was closed) reuses it and so can never create a
 * second petition. A draft is removed only when the API has answered with the petition.
 * Pure apart from the storage passed in, so it is tested without Taro.
 */
export interface DraftForm {
  postId?: string;
  townshipId?: string;
  categoryId?: string;
  description: string;
  /** photo object keys already uploaded */
  photos: string[];
  /** 按住说话: the recording already uploaded (its key) and its length; kept when a send fails */
  audio?: { key: string; seconds: number };
  location?: { lat: number; lng: number };
  anonymous: boolean;
  phone?: string;
}

export interface Draft {
  /** `post:<id>` or `township` */
  target: string;
  form: DraftForm;
  /** created at the first send; kept until the API has answered with the petition */
  idempotencyKey?: string;
  /** the last send failed; the user sees the draft waiting to be sent */
  waiting: boolean;
  lastError?: string;
  updatedAt: string;
}

export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  remove(key: string): void;
}

export const DRAFTS_KEY = 'sg.drafts';
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/;

export function targetOf(form: Pick<DraftForm, 'postId'>): string {
  return form.postId ? `post:${form.postId}` : 'township';
}

/** 8–64 characters of [A-Za-z0-9_-], as the API requires; time first so keys sort by when they were made. */
export function newIdempotencyKey(now: () => number = Date.now, random: () => number = Math.random): string {
  let tail = '';
  while (tail.length < 16) tail += Math.floor(random() * 36 ** 4).toString(36).padStart(4, '0');
  return `${now().toString(36)}-${tail.slice(0, 16)}`;
}

/** A send made with a key: what was sent (as JSON) and its key. */
export interface Send {
  body: string;
  key: string;
}

/**
 * The key of a send: the same body sent again (a retry after a failed or lost answer) keeps its key, so the server
 * answers what it may already have made (a numbered document); an edited form is a new request with a new key.
 */
export function keyFor(last: Send | null, body: unknown, make: () => string = newIdempotencyKey): Send {
  const sent = JSON.stringify(body);
  return last && last.body === sent ? last : { body: sent, key: make() };
}

function isDraft(v: unknown): v is Draft {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Record<string, unknown>;
  const form = d['form'];
  return (
    typeof d['target'] === 'string' &&
    typeof d['waiting'] === 'boolean' &&
    typeof form === 'object' &&
    form !== null &&
    (d['idempotencyKey'] === undefined || (typeof d['idempotencyKey'] === 'string' && IDEMPOTENCY_KEY.test(d['idempotencyKey'])))
  );
}

export function createDraftStore(kv: KeyValueStore, deps: { now?: () => Date; newKey?: () => string } = {}) {
  const now = deps.now ?? (() => new Date());
  const newKey = deps.newKey ?? (() => newIdempotencyKey());

  function all(): Record<string, Draft> {
    const raw = kv.get(DRAFTS_KEY);
    const out: Record<string, Draft> = {};
    if (typeof raw !== 'object' || raw === null) return out;
    for (const [k, v] of Object.entries(raw)) if (isDraft(v)) out[k] = v;
    return out;
  }
  function write(drafts: Record<string, Draft>): void {
    if (Object.keys(drafts).length) kv.set(DRAFTS_KEY, drafts);
    else kv.remove(DRAFTS_KEY);
  }
  function put(draft: Draft): Draft {
    write({ ...all(), [draft.target]: draft });
    return draft;
  }

  return {
    get(target: string): Draft | undefined {
      return all()[target];
    },
    /** Drafts whose send failed, newest first: the home page offers to send them again. */
    waiting(): Draft[] {
      return Object.values(all())
        .filter((d) => d.waiting)
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    },
    /** Keeps what the citizen typed; an existing key stays with the draft. */
    saveForm(form: DraftForm): Draft {
      const target = targetOf(form);
      const prev = all()[target];
      return put({ ...prev, target, form, waiting: prev?.waiting ?? false, updatedAt: now().toISOString() });
    },
    /** Called just before a send: returns the draft's key, creating and saving it on the first send. */
    beginSend(form: DraftForm): Draft {
      const target = targetOf(form);
      const prev = all()[target];
      const idempotencyKey = prev?.idempotencyKey ?? newKey();
      return put({ ...prev, target, form, idempotencyKey, waiting: prev?.waiting ?? false, updatedAt: now().toISOString() });
    },
    /** The send did not reach an answer: the draft waits, key and all. */
    markFailed(target: string, message: string): Draft | undefined {
      const prev = all()[target];
      if (!prev) return undefined;
      return put({ ...prev, waiting: true, lastError: message, updatedAt: now().toISOString() });
    },
    /**
     * The API refused the send outright (validation, content check): nothing was created, so the corrected form
     * goes out as a new request with a new key. Only an unanswered send keeps its key.
     */
    releaseKey(target: string): Draft | undefined {
      const prev = all()[target];
      if (!prev) return undefined;
      const { idempotencyKey: _dropped, ...rest } = prev;
      return put({ ...rest, waiting: false, lastError: undefined, updatedAt: now().toISOString() });
    },
    /** The API answered with the petition, or the citizen threw the draft away. */
    remove(target: string): void {
      const drafts = all();
      delete drafts[target];
      write(drafts);
    },
  };
}
export type DraftStore = ReturnType<typeof createDraftStore>;
