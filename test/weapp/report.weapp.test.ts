// @vitest-environment jsdom
/**
 * The weapp build, run headlessly against the local stack: wx.request is real HTTP to this worker's API (and the
 * S3 stand-in for a photo), wx.login's code becomes a citizen through the WeChat stand-in. The app is launched from
 * an ordinary-link QR code (`q`), the report form is filled and sent, and the test checks the request the page made,
 * what the API then holds, and what the citizen sees. Only the device is played here: the camera, the photo files,
 * GPS, the privacy prompt, and a network that loses an answer.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatTime } from '../../miniprogram/src/lib/format';
import { call, staffToken } from '../support/api';
import { TEST_API_BASE, buildApp } from '../support/appBuild';
import { WeappRuntime, stackNetwork, type RecordedRequest } from '../support/appWeapp';
import { resetApiTime, setApiTime } from '../support/clock';
import { stack } from '../support/worker';

const POST = { id: 'babao-baiyanggou-p1', name: '白杨沟村党群服务中心岗' };

const bodyOf = (r: RecordedRequest | undefined): Record<string, unknown> => JSON.parse(String(r?.data));
const answerOf = (r: RecordedRequest | undefined): { statusCode: number; body: any } => {
  const a = r?.answer;
  if (!a || a === 'fail') throw new Error(`no answer to ${r?.method} ${r?.url}`);
  return { statusCode: a.statusCode, body: a.text ? JSON.parse(a.text) : undefined };
};
const petitionPosts = (rt: WeappRuntime) => rt.requests.filter((r) => r.method === 'POST' && r.url === `${TEST_API_BASE}/petitions`);
/** the citizen's token the app keeps, for the test to ask the API what that citizen sees */
const tokenOf = (rt: WeappRuntime) => (rt.storage.get('sg.token') as { token: string }).token;

let root: string;
const network = () => stackNetwork(stack().apiUrl);
beforeAll(async () => {
  root = await buildApp('weapp');
}, 600_000);
afterEach(async () => {
  await resetApiTime();
});

describe('the weapp report page', () => {
  it('opens from a q code with the post filled in, sends the report and shows where it went', async () => {
    const rt = new WeappRuntime(root, network());
    const q = encodeURIComponent(`https://shaogang.example.cn/p/${POST.id}`);
    rt.launch({ q });
    const page = await rt.open('pages/report/index', { q });

    expect(page.text()).toContain(POST.name);
    expect(page.text()).toContain('八宝镇综治中心');
    // a post is public: the form opens without logging in
    expect(rt.requests.map((r) => r.url)).toEqual([`${TEST_API_BASE}/posts/${POST.id}`]);

    // too short: the shared schema's Chinese message shows beside the field and nothing is sent
    await page.tap('cat-land_dispute');
    await page.input('description', '没钱');
    expect(page.text()).toContain('2 / 2000');
    await page.tap('send');
    expect(page.text()).toContain('问题描述至少 5 个字');
    expect(petitionPosts(rt)).toHaveLength(0);

    await page.input('description', '草场网围栏被邻居挪了二十米');
    await page.input('phone', '13912345678');
    await page.tap('send');
    await page.settle(100);

    // the send logs in first, with WeChat's login code
    const login = rt.requests.find((r) => r.url === `${TEST_API_BASE}/auth/wechat`);
    expect(bodyOf(login)).toEqual({ code: rt.loginCode });
    expect(answerOf(login).statusCode).toBe(200);
    const sent = petitionPosts(rt);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.header['Authorization']).toBe(`Bearer ${tokenOf(rt)}`);
    expect(sent[0]?.header['Idempotency-Key']).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(bodyOf(sent[0])).toEqual({
      channel: 'scan',
      postId: POST.id,
      categoryId: 'land_dispute',
      description: '草场网围栏被邻居挪了二十米',
      photos: [],
      anonymous: false,
      phone: '13912345678',
    });
    const created = answerOf(sent[0]);
    expect(created.statusCode).toBe(201);
    const id = created.body.id as string;
    expect(rt.navigations.at(-1)).toEqual({ kind: 'redirectTo', url: `/pages/result/index?id=${id}` });
    expect(rt.storage.get('sg.drafts')).toBeUndefined();

    // the API holds it as this citizen's, routed to the township of the post
    const held = await call('GET', `/petitions/${id}`, { token: tokenOf(rt) });
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({ status: 'submitted', centreName: '八宝镇综治中心', departmentName: '八宝镇自然资源所' });

    const result = await rt.open('pages/result/index', { id });
    await result.settle(100);
    expect(result.text()).toContain(held.body.trackingCode);
    expect(result.text()).toContain('八宝镇综治中心');
    expect(result.text()).toContain('八宝镇自然资源所');
    expect(result.text()).toContain(formatTime(held.body.dueAt));
  });
});

describe('subscribe messages (weapp)', () => {
  it('asks for them right in the tap on send, and tells the API which the citizen accepted', async () => {
    const rt = new WeappRuntime(root, network());
    const asked: string[][] = [];
    rt.answerWxApi('requestSubscribeMessage', (opts) => {
      const ids = opts.tmplIds as string[];
      asked.push(ids);
      return { [ids[0] ?? '']: 'accept', [ids[1] ?? '']: 'reject' };
    });
    const q = encodeURIComponent(`https://shaogang.example.cn/p/${POST.id}`);
    rt.launch({ q });
    const page = await rt.open('pages/report/index', { q });
    await page.tap('cat-land_dispute');
    await page.input('description', '草场网围栏被邻居挪了二十米');
    await page.tap('send');
    expect(asked).toEqual([['local-template-progress', 'local-template-result']]);
    await page.settle(100);
    const told = rt.requests.find((r) => r.method === 'POST' && r.url === `${TEST_API_BASE}/subscriptions`);
    expect(bodyOf(told)).toEqual({ templates: ['progress'] });
    expect(answerOf(told).statusCode).toBe(200);
  }, 240_000);
});

describe('sending on a weak network (weapp)', () => {
  it('keeps a report whose answer was lost as a waiting draft and resends it with the same key: one petition', async () => {
    let lose = true;
    const real = network();
    // the report reaches the API, but its answer never reaches the phone
    const rt = new WeappRuntime(root, async (req) => {
      const res = await real(req);
      return lose && req.url === `${TEST_API_BASE}/petitions` ? 'fail' : res;
    });
    rt.launch();
    const page = await rt.open('pages/report/index', { scene: encodeURIComponent(`p=${POST.id}`) });
    expect(page.text()).toContain(POST.name);

    await page.tap('cat-land_dispute');
    await page.input('description', '草场边界被邻村占用了');
    await page.tap('anonymous');
    await page.tap('send');
    await page.settle(100);

    expect(page.text()).toContain('正在等待发送');
    expect(page.text()).toContain('重新发送');
    const drafts = rt.storage.get('sg.drafts') as Record<string, { idempotencyKey: string; waiting: boolean }>;
    const saved = drafts[`post:${POST.id}`];
    expect(saved?.waiting).toBe(true);

    lose = false;
    await page.tap('send');
    await page.settle(100);
    const sent = petitionPosts(rt);
    expect(sent).toHaveLength(2);
    expect(sent[0]?.header['Idempotency-Key']).toBe(saved?.idempotencyKey);
    expect(sent[1]?.header['Idempotency-Key']).toBe(saved?.idempotencyKey);
    expect(bodyOf(sent[1])).toMatchObject({ anonymous: true, categoryId: 'land_dispute' });
    // the API took it once and answered the resend with the same petition
    const resent = answerOf(sent[1]);
    expect(resent.statusCode).toBe(200);
    expect(rt.storage.get('sg.drafts')).toBeUndefined();
    expect(rt.navigations.at(-1)?.url).toBe(`/pages/result/index?id=${resent.body.id}`);
    const mine = await call('GET', '/petitions/mine', { token: tokenOf(rt) });
    expect(mine.body.items.map((p: { id: string }) => p.id)).toEqual([resent.body.id]);
  });

  it('shows a waiting draft on the home page and reopens it', async () => {
    const real = network();
    const rt = new WeappRuntime(root, (req) => (req.url === `${TEST_API_BASE}/petitions` ? 'fail' : real(req)));
    rt.launch();
    const form = await rt.open('pages/report/index', { postId: POST.id });
    await form.settle(100);
    await form.tap('cat-land_dispute');
    await form.input('description', '草场边界被邻村占用了');
    await form.tap('send');
    await form.settle(100);
    expect(form.text()).toContain('正在等待发送');

    const home = await rt.open('pages/index/index');
    expect(home.text()).toContain('有 1 件反映还没有发送成功');
    await home.tap('open-draft-0');
    expect(rt.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: `/pages/report/index?draft=${encodeURIComponent(`post:${POST.id}`)}` });
  });
});

describe('scanning a post code in the app (weapp)', () => {
  it('reads the code with wx.scanCode and opens the report form of that post', async () => {
    const rt = new WeappRuntime(root, network());
    rt.answerWxApi('scanCode', () => ({ result: `https://shaogang.example.cn/p/${POST.id}`, scanType: 'QR_CODE', charSet: 'utf-8' }));
    rt.launch();
    const home = await rt.open('pages/index/index');
    expect(home.text()).toContain('扫码吹哨');
    await home.tap('scan');
    expect(rt.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: `/pages/report/index?postId=${POST.id}` });
  });
});

describe('photos and location on the report form (weapp)', () => {
  it('compresses and uploads a photo with a presigned PUT, asks for privacy consent before the location, and sends both', async () => {
    const rt = new WeappRuntime(root, network());
    // the device: camera roll, compression, files, privacy setting, GPS
    const compressed: string[] = [];
    rt.answerWxApi('chooseMedia', () => ({ type: 'image', tempFiles: [{ tempFilePath: 'wxfile://tmp/fence.jpg', size: 4_000_000, fileType: 'image' }] }));
    rt.answerWxApi('compressImage', (o) => {
      compressed.push(String(o['src']));
      return { tempFilePath: 'wxfile://tmp/fence-small.jpg' };
    });
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]).buffer;
    const read: string[] = [];
    rt.stubWxApi('getFileSystemManager', () => ({
      readFile: (o: { filePath: string; success: (r: unknown) => void }) => {
        read.push(o.filePath);
        queueMicrotask(() => o.success({ data: jpeg }));
      },
    }));
    let agreed = false;
    rt.answerWxApi('getPrivacySetting', () => ({ needAuthorization: !agreed, privacyContractName: '哨岗隐私保护指引' }));
    rt.answerWxApi('getLocation', () => ({ latitude: 38.1812345, longitude: 100.2456789, accuracy: 30 }));
    rt.launch();
    const page = await rt.open('pages/report/index', { postId: POST.id });
    await page.settle(100);

    await page.tap('cat-land_dispute');
    await page.input('description', '草场网围栏被挪走了二十米');
    await page.tap('add-photo');
    await page.settle(100);
    expect(compressed).toEqual(['wxfile://tmp/fence.jpg']);
    expect(read).toEqual(['wxfile://tmp/fence-small.jpg']);
    const presign = rt.requests.find((r) => r.url === `${TEST_API_BASE}/uploads`);
    expect(bodyOf(presign)).toEqual({ contentType: 'image/jpeg', size: 4 });
    const upload = answerOf(presign).body as { key: string; url: string };
    const put = rt.requests.find((r) => r.method === 'PUT');
    expect(put?.url).toBe(upload.url);
    expect(put?.url.startsWith(stack().s3Endpoint)).toBe(true);
    expect(put?.data).toBeInstanceOf(ArrayBuffer);
    expect(answerOf(put).statusCode).toBe(200);

    await page.tap('add-location');
    expect(page.text()).toContain('隐私保护提示');
    agreed = true;
    page.byId('agree-privacy').dispatchEvent('agreeprivacyauthorization', { detail: {} });
    await page.settle();
    expect(page.text()).toContain('已附上当前位置');
    expect(page.text()).not.toContain('隐私保护提示');

    await page.tap('send');
    await page.settle(100);
    const sent = petitionPosts(rt)[0];
    expect(bodyOf(sent)).toMatchObject({ photos: [upload.key], location: { lat: 38.181235, lng: 100.245679 } });
    const created = answerOf(sent);
    expect(created.statusCode).toBe(201);
    // the centre's case file links the uploaded photo
    const file = await call('GET', `/staff/petitions/${created.body.id}`, { token: await staffToken('babao') });
    expect(file.body.photos).toHaveLength(1);
  });
});

describe('following a petition (weapp)', () => {
  it('shows the six steps with times, deadline, notes and overdue, and a dissatisfied rating reopens it', async () => {
    const rt = new WeappRuntime(root, network());
    // this phone's citizen reports through the API; the centre and the handler act on it over HTTP
    const citizen = (await call('POST', '/auth/wechat', { body: { code: rt.loginCode } })).body.token as string;
    const made = await call('POST', '/petitions', {
      token: citizen,
      headers: { 'idempotency-key': `follow-${rt.loginCode}` },
      body: { channel: 'scan', postId: POST.id, categoryId: 'land_dispute', description: '草场网围栏被邻居挪了二十米' },
    });
    expect(made.status).toBe(201);
    const id = made.body.id as string;
    const centre = await staffToken('babao');
    const handler = await staffToken('babao-resources');
    const handlerName = (await call('GET', '/staff/me', { token: handler })).body.name as string;
    expect((await call('POST', `/staff/petitions/${id}/accept`, { token: centre, body: {} })).status).toBe(200);
    expect((await call('POST', `/staff/petitions/${id}/dispatch`, { token: centre, body: { departmentId: 'babao-natural-resources' } })).status).toBe(200);
    expect((await call('POST', `/staff/petitions/${id}/progress`, { token: handler, body: { note: '已约谈相邻牧户', visibility: 'public' } })).status).toBe(200);
    const file = (await call('GET', `/staff/petitions/${id}`, { token: centre })).body;
    const acceptedAt = file.timeline.find((e: { action: string }) => e.action === 'accept').at as string;

    // a day past the resolve deadline, as the API's clock says
    await setApiTime(Date.parse(file.resolveDueAt) + 24 * 3_600_000);
    rt.launch();
    const overdue = await rt.open('pages/detail/index', { id });
    await overdue.settle(100);
    expect(overdue.text()).toContain('已超期');
    // 首接首办: the township keeps an overdue case and the next level supervises it; the banner names no level
    expect(overdue.text()).toContain('这件事已超过办理时限，正在督促办理。');
    expect(overdue.byId('step-handle').dom.textContent).toContain(`截止：${formatTime(file.resolveDueAt)}`);
    expect(overdue.byId('step-handle').dom.textContent).toContain('已约谈相邻牧户');
    expect(overdue.byId('step-handle').dom.textContent).toContain(handlerName);
    expect(overdue.byId('step-accept').dom.textContent).toContain(formatTime(acceptedAt));
    expect(overdue.text()).not.toContain('这件事办得怎么样');

    const lateHandler = await staffToken('babao-resources');
    expect((await call('POST', `/staff/petitions/${id}/resolve`, { token: lateHandler, body: { summary: '已恢复网围栏原位' } })).status).toBe(200);
    const resolved = await rt.open('pages/detail/index', { id });
    await resolved.settle(100);
    expect(resolved.text()).toContain('已恢复网围栏原位');
    expect(resolved.text()).toContain('这件事办得怎么样');
    await resolved.tap('rate-dissatisfied');
    await resolved.input('rating-comment', '围栏还在原处');
    await resolved.tap('send-rating');
    await resolved.settle(100);
    const rating = rt.requests.find((r) => r.url.endsWith('/rating'));
    expect(bodyOf(rating)).toEqual({ rating: 'dissatisfied', comment: '围栏还在原处' });
    expect(answerOf(rating).statusCode).toBe(200);
    expect(resolved.byId('reopened').dom.textContent).toContain('已重新办理，由八宝镇综治中心复核');
    expect(resolved.text()).toContain('您的评价：不满意（围栏还在原处）');
    // the API reopened it for the centre's review
    const reviewed = await call('GET', `/staff/petitions/${id}`, { token: await staffToken('babao') });
    expect(reviewed.body.status).toBe('reopened');
  });
});
