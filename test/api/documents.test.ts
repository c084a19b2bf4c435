/**
 * The case documents (一单一书一承诺一表一函一考评) and files staff attach, over HTTP: each document is issued on the
 * case's record with a number of its centre, kind and China year that concurrent issues never skip or repeat; a kind
 * the case is not ready for is a 409; attachments are bound to the case and read only by those who see it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sweep } from '../../functions/usecases/supervision';
import { DEFAULT_SUPERVISION } from '../../shared/supervision';
import { call, citizenToken, newKey, report, staffToken, uploadPhoto } from '../support/api';
import { resetApiTime, setApiTime } from '../support/clock';
import { movableClock, stackDeps } from '../support/deps';

afterEach(async () => {
  await resetApiTime();
});

const step = (token: string, id: string, action: string, body: unknown = {}) => call('POST', `/staff/petitions/${id}/${action}`, { token, body });
/** Issues a document; each call is a new send (a new key) unless a key is given, as a retried send gives its own again. */
const issue = (token: string, id: string, body: Record<string, unknown>, key = newKey()) =>
  call('POST', `/staff/petitions/${id}/documents`, { token, body, headers: { 'idempotency-key': key } });
const row = (d: { rows: Array<{ label: string; value: string }> }, label: string) => d.rows.find((r) => r.label === label)?.value;
const AGREEMENT = { kind: 'agreement', parties: [{ role: '甲方', name: '张三' }, { role: '乙方', name: '李四' }], facts: '两户草场网围栏边界争议', terms: '以 2019 年确权图为界，乙方十日内移回围栏' };

/** A citizen's land report to 八宝镇, accepted by its centre (and dispatched to its 自然资源所 when asked). */
async function aCase(babao: string, opts: { dispatched?: boolean } = {}) {
  const herder = await citizenToken();
  const sent = await report(herder);
  expect(sent.status).toBe(201);
  const id = sent.body.id as string;
  expect((await step(babao, id, 'accept')).status).toBe(200);
  if (opts.dispatched) expect((await step(babao, id, 'dispatch', { departmentId: 'babao-natural-resources' })).status).toBe(200);
  return { herder, id };
}

describe('case documents', () => {
  it('issues a 交办单 once dispatched and a 办结反馈表 once resolved, each on the record with its number and text', async () => {
    const [babao, resources, ebao] = await Promise.all([staffToken('babao'), staffToken('babao-resources'), staffToken('ebao')]);
    const { herder, id } = await aCase(babao);
    // not dispatched yet: no department to hand it to
    const early = await issue(babao, id, { kind: 'dispatch_slip' });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/尚未分派/);
    expect((await step(babao, id, 'dispatch', { departmentId: 'babao-natural-resources' })).status).toBe(200);

    const slip = await issue(babao, id, { kind: 'dispatch_slip', requirements: '五日内入户核实边界' });
    expect(slip.status).toBe(200);
    const [doc] = slip.body.documents;
    expect(doc).toMatchObject({ kind: 'dispatch_slip', title: '交办单', seq: 1, addressee: '八宝镇自然资源所', centreName: expect.stringContaining('八宝镇') });
    expect(doc.number).toMatch(/^八宝镇.*交〔\d{4}〕1号$/);
    expect(row(doc, '责任部门')).toBe('八宝镇自然资源所');
    expect(row(doc, '反映内容')).toContain('网围栏');
    expect(doc.paragraphs).toEqual([{ heading: '交办要求', text: '五日内入户核实边界' }]);
    expect(slip.body.timeline.at(-1)).toMatchObject({ action: 'issue_document', visibility: 'internal', note: `交办单 ${doc.number}`, seq: doc.eventSeq });
    // the status and deadlines stay as they are
    expect(slip.body.status).toBe('dispatched');

    // a 办结反馈表 waits for the resolution, then prints it with the basis and the way to seek review
    expect((await issue(babao, id, { kind: 'feedback', basis: '《人民调解法》' })).status).toBe(409);
    expect((await step(resources, id, 'resolve', { summary: '经现场核实，按确权图恢复边界，双方签订调解协议' })).status).toBe(200);
    const fb = await issue(babao, id, { kind: 'feedback', basis: '《中华人民共和国人民调解法》第三十一条' });
    expect(fb.status).toBe(200);
    const feedback = fb.body.documents.at(-1);
    expect(feedback).toMatchObject({ kind: 'feedback', seq: 1, addressee: '反映人' });
    expect(row(feedback, '办理结果')).toBe('经现场核实，按确权图恢复边界，双方签订调解协议');
    expect(feedback.paragraphs[0].text).toMatch(/30 日内.*请求复查/);

    // on the case file for whoever sees it; not the citizen's to read, nor another centre's
    const file = await call('GET', `/staff/petitions/${id}`, { token: babao });
    expect(file.body.documents.map((d: { kind: string }) => d.kind)).toEqual(['dispatch_slip', 'feedback']);
    const mine = await call('GET', `/petitions/${id}`, { token: herder });
    expect(JSON.stringify(mine.body)).not.toContain('交办单');
    expect((await issue(ebao, id, { kind: 'evaluation' })).status).toBe(404);
    // a handler does not issue documents: the centre does
    expect((await issue(resources, id, { kind: 'evaluation' })).status).toBe(403);
  });

  it('numbers 20 documents issued at once one after another, with no gap and no number twice', async () => {
    // mid-year: numbers start again each China year, and a run over New Year's midnight would start them mid-test
    await setApiTime(`${new Date().getUTCFullYear()}-06-15T02:00:00Z`);
    const babao = await staffToken('babao');
    // the centre's count this year so far, whatever the file's other tests issued
    const before = (await issue(babao, (await aCase(babao)).id, AGREEMENT)).body.documents[0].seq as number;
    const cases = (await Promise.all(Array.from({ length: 20 }, () => aCase(babao)))).map((c) => c.id);
    const answers = await Promise.all(cases.map((id) => issue(babao, id, AGREEMENT)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    const seqs = answers.map((a) => a.body.documents.at(-1).seq as number).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => before + 1 + i));
    // each stored with its case: the case files read back the same numbers
    const files = await Promise.all(cases.map((id) => call('GET', `/staff/petitions/${id}`, { token: babao })));
    expect(files.map((f) => f.body.documents[0].seq).sort((a: number, b: number) => a - b)).toEqual(seqs);
    // the next follows them
    const { id } = await aCase(babao);
    expect((await issue(babao, id, AGREEMENT)).body.documents[0].seq).toBe(before + 21);
  }, 180_000);

  it('a 工作提示函 follows an urge: refused before the deadline, issued once the sweep urged the department', async () => {
    let babao = await staffToken('babao');
    const { id } = await aCase(babao, { dispatched: true });
    expect((await issue(babao, id, { kind: 'reminder_letter' })).status).toBe(409);
    const file = await call('GET', `/staff/petitions/${id}`, { token: babao });
    const at = new Date(Date.parse(file.body.dueAt) + 60_000);
    await setApiTime(at);
    await sweep(stackDeps(movableClock(at.toISOString())), DEFAULT_SUPERVISION, at);
    babao = await staffToken('babao'); // a day later: the morning's session has ended
    const letter = await issue(babao, id, { kind: 'reminder_letter', request: '请于三日内书面反馈' });
    expect(letter.status).toBe(200);
    expect(letter.body.documents.at(-1)).toMatchObject({ kind: 'reminder_letter', addressee: '八宝镇自然资源所' });
    expect(letter.body.documents.at(-1).paragraphs[1]).toEqual({ heading: '提示事项', text: '请于三日内书面反馈' });
  });

  it('answers 400 naming the field, in Chinese', async () => {
    const babao = await staffToken('babao');
    const { id } = await aCase(babao);
    const bad = await issue(babao, id, { ...AGREEMENT, parties: [{ role: '甲方', name: '张三' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues).toEqual([expect.objectContaining({ path: 'parties', message: '调解协议至少有两方当事人' })]);
    expect((await issue(babao, id, { kind: 'memo' })).status).toBe(400);
    // a document is never issued without a key: a client could not retry it safely
    const noKey = await step(babao, id, 'documents', AGREEMENT);
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.issues[0]).toMatchObject({ path: 'Idempotency-Key', message: expect.stringContaining('Idempotency-Key') });
    expect((await call('GET', `/staff/petitions/${id}`, { token: babao })).body.documents).toEqual([]);
  });
});

describe('issuing a document with an idempotency key', () => {
  it('answers a retried send (the same key) with the same document and number; a new key issues the next', async () => {
    const babao = await staffToken('babao');
    const { id } = await aCase(babao);
    const key = newKey();
    const first = await issue(babao, id, AGREEMENT, key);
    expect(first.status).toBe(200);
    const again = await issue(babao, id, AGREEMENT, key);
    expect(again.status).toBe(200);
    expect(again.body.documents).toHaveLength(1);
    expect(again.body.documents[0]).toEqual(first.body.documents[0]);
    expect(again.body.version).toBe(first.body.version);
    // the record holds one issue, and the next document of the kind takes the next number
    const file = await call('GET', `/staff/petitions/${id}`, { token: babao });
    expect(file.body.timeline.filter((e: { action: string }) => e.action === 'issue_document')).toHaveLength(1);
    const next = await issue(babao, id, AGREEMENT, newKey());
    expect(next.status).toBe(200);
    expect(next.body.documents.map((d: { seq: number }) => d.seq)).toEqual([first.body.documents[0].seq, first.body.documents[0].seq + 1]);
  });

  it('refuses a key sent before for another document or another case (409), issuing nothing', async () => {
    const babao = await staffToken('babao');
    const [a, b] = await Promise.all([aCase(babao), aCase(babao)]);
    const key = newKey();
    expect((await issue(babao, a.id, AGREEMENT, key)).status).toBe(200);
    const otherBody = await issue(babao, a.id, { ...AGREEMENT, terms: '另一份协议' }, key);
    expect(otherBody.status).toBe(409);
    expect(otherBody.body.error.message).toMatch(/已用于另一份文书/);
    const otherCase = await issue(babao, b.id, AGREEMENT, key);
    expect(otherCase.status).toBe(409);
    const [fa, fb] = await Promise.all([a.id, b.id].map((id) => call('GET', `/staff/petitions/${id}`, { token: babao })));
    expect(fa!.body.documents).toHaveLength(1);
    expect(fb!.body.documents).toHaveLength(0);
  });

  it('issues one document for the same key sent 10 times at once', async () => {
    const babao = await staffToken('babao');
    const { id } = await aCase(babao);
    const key = newKey();
    const answers = await Promise.all(Array.from({ length: 10 }, () => issue(babao, id, AGREEMENT, key)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    const numbers = new Set(answers.map((a) => a.body.documents.at(-1)?.number));
    expect(numbers.size).toBe(1);
    const file = await call('GET', `/staff/petitions/${id}`, { token: babao });
    expect(file.body.documents).toHaveLength(1);
    expect(file.body.timeline.filter((e: { action: string }) => e.action === 'issue_document')).toHaveLength(1);
    // the counter moved once: the next document of the kind is the next number
    const next = await issue(babao, id, AGREEMENT);
    expect(next.body.documents.at(-1).seq).toBe(file.body.documents[0].seq + 1);
  }, 120_000);
});

describe('attachments on a case', () => {
  it('binds a staff upload to the case: read through its case file, 404 to whoever does not see the case', async () => {
    const [babao, ebao, justice, resources] = await Promise.all([staffToken('babao'), staffToken('ebao'), staffToken('babao-justice'), staffToken('babao-resources')]);
    const { herder, id } = await aCase(babao, { dispatched: true });
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const ticket = await call('POST', '/staff/uploads', { token: resources, body: { contentType: 'application/pdf', size: pdf.length } });
    expect((await fetch(ticket.body.url, { method: 'PUT', body: pdf, headers: ticket.body.headers })).status).toBe(200);

    const attached = await step(resources, id, 'attachments', { key: ticket.body.key, name: '签字的调解协议书' });
    expect(attached.status).toBe(200);
    expect(attached.body.attachments).toEqual([expect.objectContaining({ name: '签字的调解协议书', type: 'pdf', by: '八宝镇自然资源所承办人' })]);
    // a photo beside it is an image, by the same hand
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(256, 7), Buffer.from([0xff, 0xd9])]);
    const photo = await call('POST', '/staff/uploads', { token: resources, body: { contentType: 'image/jpeg', size: jpeg.length } });
    expect((await fetch(photo.body.url, { method: 'PUT', body: jpeg, headers: photo.body.headers })).status).toBe(200);
    const both = await step(resources, id, 'attachments', { key: photo.body.key, name: '现场照片' });
    expect(both.body.attachments.map((a: { name: string; type: string; by: string }) => [a.name, a.type, a.by])).toEqual([
      ['签字的调解协议书', 'pdf', '八宝镇自然资源所承办人'],
      ['现场照片', 'image', '八宝镇自然资源所承办人'],
    ]);
    const file = await call('GET', `/staff/petitions/${id}`, { token: babao });
    const served = await fetch(file.body.attachments[0].url);
    expect(Buffer.from(await served.arrayBuffer()).equals(pdf)).toBe(true);

    // out of scope: another township's centre, a department the case was not dispatched to, the citizen's view
    expect((await call('GET', `/staff/petitions/${id}`, { token: ebao })).status).toBe(404);
    expect((await call('GET', `/staff/petitions/${id}`, { token: justice })).status).toBe(404);
    const hidden = await step(ebao, id, 'attachments', { key: ticket.body.key, name: '扫描件' });
    expect([hidden.status, hidden.body.error.message]).toEqual([404, '未找到该诉求']);
    // the centre, which sees the case, may not attach the 自然资源所's upload as its own
    const borrowed = await step(babao, id, 'attachments', { key: ticket.body.key, name: '扫描件' });
    expect(borrowed.status).toBe(400);
    expect(borrowed.body.error).toMatchObject({ message: '附件无效，请重新上传', issues: [{ path: 'key', message: '附件未上传成功或不是您上传的，请重新上传' }] });
    const mine = await call('GET', `/petitions/${id}`, { token: herder });
    expect(mine.status).toBe(200);
    expect(JSON.stringify(mine.body)).not.toContain(ticket.body.key);
    expect(JSON.stringify(mine.body)).not.toContain('签字的调解协议书');
  });

  it('takes only a file this staff user uploaded: another\'s key, a citizen\'s photo or a key never uploaded is a 400 naming key', async () => {
    const [babao, resources, herder] = await Promise.all([staffToken('babao'), staffToken('babao-resources'), citizenToken()]);
    const { id } = await aCase(babao, { dispatched: true });
    const ticket = await call('POST', '/staff/uploads', { token: resources, body: { contentType: 'image/png', size: 10 } });
    // issued but never uploaded
    const never = await step(resources, id, 'attachments', { key: ticket.body.key, name: '现场照片' });
    expect(never.status).toBe(400);
    expect(never.body.error.issues).toEqual([expect.objectContaining({ path: 'key' })]);
    const theirs = await uploadPhoto(herder);
    expect((await step(babao, id, 'attachments', { key: theirs, name: '现场照片' })).status).toBe(400);
    expect((await step(babao, id, 'attachments', { key: '../../etc/passwd', name: '现场照片' })).status).toBe(400);
  });
});
