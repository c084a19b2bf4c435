import { describe, expect, it } from 'vitest';
import { createDraftStore, DRAFTS_KEY, keyFor, newIdempotencyKey, type DraftForm, type KeyValueStore } from '../../miniprogram/src/lib/draft';

function memoryStore(): KeyValueStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    // storage round-trips through JSON on a device
    get: (k) => (data.has(k) ? JSON.parse(JSON.stringify(data.get(k))) : undefined),
    set: (k, v) => void data.set(k, JSON.parse(JSON.stringify(v))),
    remove: (k) => void data.delete(k),
  };
}

const form = (patch: Partial<DraftForm> = {}): DraftForm => ({
  postId: 'P1',
  categoryId: 'road',
  description: '村口的路被冲坏了',
  photos: [],
  anonymous: false,
  ...patch,
});

let n = 0;
const keys = () => `key-${String(++n).padStart(6, '0')}`;

describe('the draft store', () => {
  it('makes the idempotency key at the first send and keeps it with the draft', () => {
    const kv = memoryStore();
    const store = createDraftStore(kv, { newKey: keys });
    const first = store.beginSend(form());
    expect(first.idempotencyKey).toMatch(/^key-/);
    expect(store.get('post:P1')?.idempotencyKey).toBe(first.idempotencyKey);
  });

  it('reuses the key when a failed send is sent again, even after the app was closed', () => {
    const kv = memoryStore();
    const first = createDraftStore(kv, { newKey: keys }).beginSend(form());
    createDraftStore(kv, { newKey: keys }).markFailed(first.target, '网络不好');

    // a new store on the same storage is the app opened again
    const reopened = createDraftStore(kv, { newKey: keys });
    expect(reopened.waiting().map((d) => d.target)).toEqual(['post:P1']);
    const again = reopened.beginSend(form({ description: '村口的路被冲坏了，车过不去' }));
    expect(again.idempotencyKey).toBe(first.idempotencyKey);
    expect(again.waiting).toBe(true);
  });

  it('keeps the key when the citizen edits the waiting draft', () => {
    const store = createDraftStore(memoryStore(), { newKey: keys });
    const sent = store.beginSend(form());
    store.markFailed(sent.target, '网络不好');
    const edited = store.saveForm(form({ phone: '13800000000' }));
    expect(edited.idempotencyKey).toBe(sent.idempotencyKey);
    expect(edited.form.phone).toBe('13800000000');
  });

  it('forgets the draft once the API answered, and a new report gets a new key', () => {
    const kv = memoryStore();
    const store = createDraftStore(kv, { newKey: keys });
    const sent = store.beginSend(form());
    store.remove(sent.target);
    expect(store.get('post:P1')).toBeUndefined();
    expect(kv.data.has(DRAFTS_KEY)).toBe(false);
    expect(store.beginSend(form()).idempotencyKey).not.toBe(sent.idempotencyKey);
  });

  it('lets go of the key when the API refused the send outright, so the corrected form is a new request', () => {
    const store = createDraftStore(memoryStore(), { newKey: keys });
    const sent = store.beginSend(form({ description: '赌博网站骗了我的钱' }));
    const released = store.releaseKey(sent.target);
    expect(released?.idempotencyKey).toBeUndefined();
    expect(released?.form.description).toBe('赌博网站骗了我的钱');
    expect(store.beginSend(form()).idempotencyKey).not.toBe(sent.idempotencyKey);
  });

  it('keeps drafts for different posts apart', () => {
    const store = createDraftStore(memoryStore(), { newKey: keys });
    const a = store.beginSend(form({ postId: 'A' }));
    const b = store.beginSend(form({ postId: undefined, townshipId: 'T1' }));
    expect(a.target).toBe('post:A');
    expect(b.target).toBe('township');
    expect(a.idempotencyKey).not.toBe(b.idempotencyKey);
  });

  it('ignores what is not a draft in storage', () => {
    const kv = memoryStore();
    kv.set(DRAFTS_KEY, { 'post:X': { target: 'post:X', waiting: 'yes' }, 'post:Y': 3 });
    expect(createDraftStore(kv).waiting()).toEqual([]);
  });

  it('makes keys the API accepts', () => {
    for (let i = 0; i < 50; i++) expect(newIdempotencyKey()).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(newIdempotencyKey(() => 0, () => 0)).toBe('0-0000000000000000');
  });
});

describe('the key of a send (出具文书)', () => {
  it('keeps the key for the same body sent again, and makes a new one for an edited body', () => {
    const first = keyFor(null, { kind: 'feedback', basis: '《人民调解法》' }, keys);
    const retry = keyFor(first, { kind: 'feedback', basis: '《人民调解法》' }, keys);
    expect(retry.key).toBe(first.key);
    const edited = keyFor(retry, { kind: 'feedback', basis: '《人民调解法》第三十一条' }, keys);
    expect(edited.key).not.toBe(first.key);
    expect(keyFor(null, { kind: 'feedback', basis: '《人民调解法》' }, keys).key).not.toBe(first.key);
  });
});
