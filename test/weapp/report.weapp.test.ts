// @vitest-environment jsdom
/**
 * The weapp build, run headlessly: the app is launched from an ordinary-link QR code (`q`), the report form is
 * filled and sent, and the test checks the request the page made and what the citizen sees afterwards.
 * Only wx.request is answered here (the API is not running); everything above it is the real build.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../support/appBuild';
import { WeappRuntime, type FakeResponse, type RecordedRequest } from '../support/appWeapp';

const API = 'http://127.0.0.1:3000';
const POST = {
  post: { id: 'P-qilian-01', name: '八宝镇白杨沟村委会岗', address: '白杨沟村委会门口', location: { lat: 38.19, lng: 100.24 } },
  township: { id: 'babao', name: '八宝镇' },
  centreName: '八宝镇综治中心',
  categories: [
    { id: 'land', name: '土地草场' },
    { id: 'wages', name: '拖欠工资' },
  ],
};
const CREATED = {
  id: '01JH0000000000000000000000',
  trackingCode: 'QL7K2M9X4B',
  status: 'submitted',
  centreId: 'babao',
  centreName: '八宝镇综治中心',
  departmentId: 'babao-hr',
  departmentName: '八宝镇人社所',
  dueAt: '2026-11-24T04:00:00.000Z',
};

function api(req: RecordedRequest): FakeResponse {
  const { pathname } = new URL(req.url);
  if (req.method === 'POST' && pathname === '/auth/wechat') return { statusCode: 200, data: { token: 'tok-1', expiresAt: '2099-01-01T00:00:00.000Z' } };
  if (req.method === 'GET' && pathname === `/posts/${POST.post.id}`) return { statusCode: 200, data: POST };
  if (req.method === 'POST' && pathname === '/petitions') return { statusCode: 201, data: CREATED };
  return { statusCode: 404, data: { error: { code: 'not_found', message: '未找到', issues: [] } } };
}

const bodyOf = (r: RecordedRequest | undefined): Record<string, unknown> => JSON.parse(String(r?.data));
const petitionPosts = (rt: WeappRuntime) => rt.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/petitions'));

describe('the weapp report page', () => {
  let root: string;
  beforeAll(async () => {
    root = await buildApp('weapp');
  }, 240_000);

  it('opens from a q code with the post filled in, sends the report and shows where it went', async () => {
    const rt = new WeappRuntime(root, api);
    const q = encodeURIComponent(`https://shaogang.example.cn/p/${POST.post.id}`);
    rt.launch({ q });
    const page = await rt.open('pages/report/index', { q });

    expect(page.text()).toContain('八宝镇白杨沟村委会岗');
    expect(page.text()).toContain('八宝镇综治中心');
    const login = rt.requests.find((r) => r.url === `${API}/auth/wechat`);
    expect(bodyOf(login)).toEqual({ code: expect.any(String) });

    // too short: the shared schema's Chinese message shows beside the field and nothing is sent
    await page.tap('cat-wages');
    await page.input('description', '没钱');
    expect(page.text()).toContain('2 / 2000');
    await page.tap('send');
    expect(page.text()).toContain('问题描述至少 5 个字');
    expect(petitionPosts(rt)).toHaveLength(0);

    await page.input('description', '工地老板拖欠三个月工资不给');
    await page.input('phone', '13912345678');
    await page.tap('send');

    const sent = petitionPosts(rt);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.header['Authorization']).toBe('Bearer tok-1');
    expect(sent[0]?.header['Idempotency-Key']).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(bodyOf(sent[0])).toEqual({
      channel: 'scan',
      postId: POST.post.id,
      categoryId: 'wages',
      description: '工地老板拖欠三个月工资不给',
      photos: [],
      anonymous: false,
      phone: '13912345678',
    });
    expect(rt.navigations.at(-1)).toEqual({ kind: 'redirectTo', url: `/pages/result/index?id=${CREATED.id}` });
    expect(rt.storage.get('sg.drafts')).toBeUndefined();

    const result = await rt.open('pages/result/index', { id: CREATED.id });
    expect(result.text()).toContain('QL7K2M9X4B');
    expect(result.text()).toContain('八宝镇综治中心');
    expect(result.text()).toContain('八宝镇人社所');
    expect(result.text()).toContain('2026年11月24日 12:00');
  });
});

describe('subscribe messages (weapp)', () => {
  it('asks for them right in the tap on send, and tells the API which the citizen accepted', async () => {
    const root = await buildApp('weapp');
    const rt = new WeappRuntime(root, api);
    const asked: string[][] = [];
    rt.answerWxApi('requestSubscribeMessage', (opts) => {
      const ids = opts.tmplIds as string[];
      asked.push(ids);
      return { [ids[0] ?? '']: 'accept', [ids[1] ?? '']: 'reject' };
    });
    const q = encodeURIComponent(`https://shaogang.example.cn/p/${POST.post.id}`);
    rt.launch({ q });
    const page = await rt.open('pages/report/index', { q });
    await page.tap('cat-wages');
    await page.input('description', '工地老板拖欠三个月工资不给');
    await page.tap('send');
    expect(asked).toEqual([['local-template-progress', 'local-template-result']]);
    await new Promise((r) => setTimeout(r, 50));
    const told = rt.requests.find((r) => r.method === 'POST' && r.url === `${API}/subscriptions`);
    expect(bodyOf(told)).toEqual({ templates: ['progress'] });
  }, 240_000);
});

describe('sending on a weak network (weapp)', () => {
  it('keeps a failed report as a waiting draft and resends it with the same idempotency key', async () => {
    const root = await buildApp('weapp');
    let cut = true;
    const rt = new WeappRuntime(root, (req) => (cut && req.url.endsWith('/petitions') ? 'fail' : api(req)));
    rt.launch();
    const page = await rt.open('pages/report/index', { scene: encodeURIComponent(`p=${POST.post.id}`) });
    expect(page.text()).toContain('八宝镇白杨沟村委会岗');

    await page.tap('cat-land');
    await page.input('description', '草场边界被邻村占用了');
    await page.tap('anonymous');
    await page.tap('send');

    expect(page.text()).toContain('正在等待发送');
    expect(page.text()).toContain('重新发送');
    const drafts = rt.storage.get('sg.drafts') as Record<string, { idempotencyKey: string; waiting: boolean }>;
    const saved = drafts[`post:${POST.post.id}`];
    expect(saved?.waiting).toBe(true);

    cut = false;
    await page.tap('send');
    const sent = petitionPosts(rt);
    expect(sent).toHaveLength(2);
    expect(sent[0]?.header['Idempotency-Key']).toBe(saved?.idempotencyKey);
    expect(sent[1]?.header['Idempotency-Key']).toBe(saved?.idempotencyKey);
    expect(bodyOf(sent[1])).toMatchObject({ anonymous: true, categoryId: 'land' });
    expect(rt.storage.get('sg.drafts')).toBeUndefined();
    expect(rt.navigations.at(-1)?.url).toBe(`/pages/result/index?id=${CREATED.id}`);
  });

  it('shows a waiting draft on the home page and reopens it', async () => {
    const root = await buildApp('weapp');
    const rt = new WeappRuntime(root, (req) => (req.url.endsWith('/petitions') ? 'fail' : api(req)));
    rt.launch();
    const form = await rt.open('pages/report/index', { postId: POST.post.id });
    await form.tap('cat-land');
    await form.input('description', '草场边界被邻村占用了');
    await form.tap('send');
    expect(form.text()).toContain('正在等待发送');

    const home = await rt.open('pages/index/index');
    expect(home.text()).toContain('有 1 件反映还没有发送成功');
    await home.tap('open-draft-0');
    expect(rt.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: `/pages/report/index?draft=${encodeURIComponent(`post:${POST.post.id}`)}` });
  });
});

describe('scanning a post code in the app (weapp)', () => {
  it('reads the code with wx.scanCode and opens the report form of that post', async () => {
    const root = await buildApp('weapp');
    const rt = new WeappRuntime(root, api);
    rt.answerWxApi('scanCode', () => ({ result: `https://shaogang.example.cn/p/${POST.post.id}`, scanType: 'QR_CODE', charSet: 'utf-8' }));
    rt.launch();
    const home = await rt.open('pages/index/index');
    expect(home.text()).toContain('扫码吹哨');
    await home.tap('scan');
    expect(rt.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: `/pages/report/index?postId=${POST.post.id}` });
  });
});

describe('photos and location on the report form (weapp)', () => {
  it('compresses and uploads a photo with a presigned PUT, asks for privacy consent before the location, and sends both', async () => {
    const root = await buildApp('weapp');
    const UPLOAD = { key: 'photos/2026/11/abc123.jpg', url: 'http://127.0.0.1:4569/shaogang-photos/photos/2026/11/abc123.jpg?X-Amz-Signature=x', headers: {} };
    const rt = new WeappRuntime(root, (req) => {
      if (req.method === 'POST' && req.url === `${API}/uploads`) return { statusCode: 200, data: UPLOAD };
      if (req.method === 'PUT' && req.url === UPLOAD.url) return { statusCode: 200, data: '' };
      return api(req);
    });
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
    const page = await rt.open('pages/report/index', { postId: POST.post.id });

    await page.tap('cat-land');
    await page.input('description', '草场网围栏被挪走了二十米');
    await page.tap('add-photo');
    expect(compressed).toEqual(['wxfile://tmp/fence.jpg']);
    expect(read).toEqual(['wxfile://tmp/fence-small.jpg']);
    const put = rt.requests.find((r) => r.method === 'PUT');
    expect(put?.url).toBe(UPLOAD.url);
    expect(put?.data).toBeInstanceOf(ArrayBuffer);
    expect(bodyOf(rt.requests.find((r) => r.url === `${API}/uploads`))).toEqual({ contentType: 'image/jpeg', size: 4 });

    await page.tap('add-location');
    expect(page.text()).toContain('隐私保护提示');
    agreed = true;
    page.byId('agree-privacy').dispatchEvent('agreeprivacyauthorization', { detail: {} });
    await page.settle();
    expect(page.text()).toContain('已附上当前位置');
    expect(page.text()).not.toContain('隐私保护提示');

    await page.tap('send');
    expect(bodyOf(petitionPosts(rt)[0])).toMatchObject({ photos: [UPLOAD.key], location: { lat: 38.181235, lng: 100.245679 } });
  });
});

describe('following a petition (weapp)', () => {
  it('shows the six steps with times, deadline, notes and overdue, and a dissatisfied rating reopens it', async () => {
    const root = await buildApp('weapp');
    const base = {
      id: CREATED.id,
      trackingCode: CREATED.trackingCode,
      categoryName: '拖欠工资',
      centreName: '八宝镇综治中心',
      departmentName: '八宝镇人社所',
      description: '工地老板拖欠三个月工资不给',
      photos: [],
      createdAt: '2026-11-20T01:00:00.000Z',
      timeline: [
        { seq: 1, at: '2026-11-20T01:00:00.000Z', action: 'submit', from: null, to: 'submitted', actor: { role: 'citizen' } },
        { seq: 2, at: '2026-11-20T02:00:00.000Z', action: 'accept', from: 'submitted', to: 'accepted', actor: { role: 'centre_staff', name: '值班员' } },
        { seq: 3, at: '2026-11-20T03:00:00.000Z', action: 'dispatch', from: 'accepted', to: 'dispatched', actor: { role: 'centre_staff', name: '值班员' } },
        { seq: 4, at: '2026-11-21T03:00:00.000Z', action: 'progress', from: 'dispatched', to: 'in_progress', note: '已约谈包工头', actor: { role: 'handler', name: '李干事' } },
      ],
    };
    let view: Record<string, unknown> = { ...base, status: 'in_progress', dueAt: '2026-11-22T10:00:00.000Z', overdue: true };
    const rt = new WeappRuntime(root, (req) => {
      const { pathname } = new URL(req.url);
      if (req.method === 'GET' && pathname === `/petitions/${CREATED.id}`) return { statusCode: 200, data: view };
      if (req.method === 'POST' && pathname === `/petitions/${CREATED.id}/rating`) {
        view = { ...view, status: 'reopened', overdue: false, rating: { rating: 'dissatisfied', comment: '钱还没到', at: '2026-11-25T01:00:00.000Z' } };
        return { statusCode: 200, data: view };
      }
      return api(req);
    });
    rt.launch();

    const overdue = await rt.open('pages/detail/index', { id: CREATED.id });
    expect(overdue.text()).toContain('已超期');
    expect(overdue.text()).toContain('这件事已超过办理时限');
    expect(overdue.byId('step-handle').dom.textContent).toContain('截止：2026年11月22日 18:00');
    expect(overdue.byId('step-handle').dom.textContent).toContain('已约谈包工头');
    expect(overdue.byId('step-handle').dom.textContent).toContain('李干事');
    expect(overdue.byId('step-accept').dom.textContent).toContain('2026年11月20日 10:00');
    expect(overdue.text()).not.toContain('这件事办得怎么样');

    view = {
      ...base,
      status: 'resolved',
      overdue: false,
      resolution: '老板已结清工资',
      timeline: [...base.timeline, { seq: 5, at: '2026-11-24T03:00:00.000Z', action: 'resolve', from: 'in_progress', to: 'resolved', actor: { role: 'handler', name: '李干事' } }],
    };
    const resolved = await rt.open('pages/detail/index', { id: CREATED.id });
    expect(resolved.text()).toContain('老板已结清工资');
    expect(resolved.text()).toContain('这件事办得怎么样');
    await resolved.tap('rate-dissatisfied');
    await resolved.input('rating-comment', '钱还没到');
    await resolved.tap('send-rating');
    const rating = rt.requests.find((r) => r.url.endsWith('/rating'));
    expect(bodyOf(rating)).toEqual({ rating: 'dissatisfied', comment: '钱还没到' });
    expect(resolved.byId('reopened').dom.textContent).toContain('已重新办理，由八宝镇综治中心复核');
    expect(resolved.text()).toContain('您的评价：不满意（钱还没到）');
  });
});
