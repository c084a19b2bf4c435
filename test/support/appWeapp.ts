/**
 * Runs the compiled dist/weapp headlessly: miniprogram-simulate supplies `wx` and renders components with
 * j-component, WXML compiled by the official `wcc` (miniprogram-compiler). Every script of the build runs through
 * `vm` with the mini-program globals (wx, App, Page, Component, getApp, getCurrentPages) passed in, as WeChat's
 * JS engine does. Taro pages call `Page()`, which j-component does not know, so a page is registered as a
 * component and its lifecycle is driven here. Needs a DOM: use in a test file with `@vitest-environment jsdom`.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { fetchAgainIfClosed } from './api';
import { TEST_API_BASE } from './appBuild';

const nodeRequire = createRequire(__filename);

export interface RecordedRequest {
  url: string;
  method: string;
  header: Record<string, string>;
  data: unknown;
  /** what came back, once it has: the status and the body as text, or 'fail' when no answer reached the app */
  answer?: { statusCode: number; text: string } | 'fail';
}
export interface NetworkResponse {
  statusCode: number;
  data: unknown;
}
/** The device's network; throwing (or returning 'fail') makes wx.request fail as a lost network does. */
export type RequestHandler = (req: RecordedRequest) => NetworkResponse | 'fail' | Promise<NetworkResponse | 'fail'>;

/**
 * The network to the local stack, over real HTTP: what the build sends to its fixed API address (appBuild.ts
 * TEST_API_BASE) goes to this worker's API; any other address (a presigned S3 PUT) is fetched as it is.
 */
export function stackNetwork(apiUrl: string): RequestHandler {
  return async (req) => {
    const url = req.url.startsWith(TEST_API_BASE) ? apiUrl + req.url.slice(TEST_API_BASE.length) : req.url;
    const body =
      req.data === undefined || req.method === 'GET'
        ? undefined
        : req.data instanceof ArrayBuffer
          ? new Uint8Array(req.data)
          : typeof req.data === 'string'
            ? req.data
            : JSON.stringify(req.data);
    const res = await fetchAgainIfClosed(url, { method: req.method, headers: req.header, body });
    return { statusCode: res.status, data: await res.text() };
  };
}

/** The part of j-component's element wrapper the tests use. */
export interface SimNode {
  dom: Element;
  instance: Record<string, unknown> & { setData(d: object): void };
  querySelector(sel: string): SimNode | null;
  querySelectorAll(sel: string): SimNode[];
  dispatchEvent(name: string, opts?: { detail?: unknown }): void;
  attach(parent: Element): void;
  detach(): void;
}

interface Simulate {
  load(p: string, opts?: { compiler?: string; rootPath?: string }): string;
  render(id: string): SimNode;
  sleep(ms?: number): Promise<void>;
}

type PageConfig = Record<string, unknown> & { data?: object };
type Lifecycle = (this: unknown, ...args: unknown[]) => unknown;

export interface WeappPage {
  node: SimNode;
  route: string;
  text(): string;
  byId(id: string): SimNode;
  tap(id: string): Promise<void>;
  input(id: string, value: string): Promise<void>;
  settle(ms?: number): Promise<void>;
}

/** The part of exparser's node (under j-component) that a search by id walks. */
interface ExNode {
  id?: string;
  childNodes?: ExNode[];
  shadowRoot?: ExNode;
}

/**
 * An element by id anywhere on the page. Taro draws a page's tree with templates up to `baseLevel` deep
 * (config/index.ts) and each deeper subtree inside its `comp` component, whose nodes live in that component's own
 * shadow tree, as in WeChat; j-component's `querySelector` does not enter it, so the search walks the shadow trees.
 * The match is wrapped as j-component wraps what `querySelector` finds, so that taps and input reach it.
 */
function deepQuery(node: SimNode, id: string): SimNode | null {
  const found = node.querySelector(`#${id}`);
  if (found) return found;
  const walk = (ex: ExNode | undefined): ExNode | null => {
    for (const child of ex?.childNodes ?? []) {
      if (child.id === id) return child;
      const inner = walk(child.shadowRoot) ?? walk(child);
      if (inner) return inner;
    }
    return null;
  };
  const match = walk((node as unknown as { _exparserNode: ExNode })._exparserNode.shadowRoot);
  if (!match) return null;
  const Wrapper = Object.getPrototypeOf(Object.getPrototypeOf(node)).constructor as new (ex: ExNode) => SimNode;
  return new Wrapper(match);
}

export class WeappRuntime {
  readonly requests: RecordedRequest[] = [];
  readonly navigations: Array<{ kind: string; url: string }> = [];
  readonly storage = new Map<string, unknown>();
  private readonly simulate: Simulate;
  private readonly wx: Record<string, unknown>;
  private app: Record<string, unknown> | null = null;
  private readonly pages: Array<Record<string, unknown>> = [];
  private readonly moduleCache = new Map<string, { exports: unknown }>();
  private running: string | null = null;
  private readonly definitions = new Map<string, object>();
  private readonly registeredNow = new Set<string>();
  private readonly body: Element;
  /** requests sent and not yet answered: a page has settled only once the network is quiet */
  private pending = 0;

  /** the code wx.login gives on this device: the WeChat stand-in makes it the openid `wx_<code>` */
  readonly loginCode = `weapp-${randomUUID().slice(0, 12)}`;

  constructor(
    readonly root: string,
    private handler: RequestHandler,
  ) {
    // j-component and wcc expect a browser-like global window
    (globalThis as { __webview_engine_version__?: number }).__webview_engine_version__ = 0.02;
    this.simulate = nodeRequire('miniprogram-simulate') as Simulate;
    const utils = nodeRequire('miniprogram-simulate/src/utils') as { runJs: (file: string) => void };
    // a page or component script runs once (webpack keeps its module); a second load of it re-registers the definition
    utils.runJs = (file) => {
      const abs = path.resolve(file.endsWith('.js') ? file : `${file}.js`);
      this.running = abs;
      this.requireFile(abs);
      this.running = null;
      const def = this.definitions.get(abs);
      if (!this.registeredNow.has(abs) && def) this.registerComponent(def);
      this.registeredNow.delete(abs);
    };
    // a fresh wx for each runtime: webpack keeps its chunk list on it (wx.webpackJsonp)
    this.wx = { ...(globalThis as unknown as { wx: Record<string, unknown> }).wx };
    this.stubWx();
    // each runtime is one phone: one WeChat user
    this.answerWxApi('login', () => ({ code: this.loginCode }));
    this.body = document.createElement('div');
    document.body.appendChild(this.body);
  }

  setHandler(handler: RequestHandler): void {
    this.handler = handler;
  }

  /**
   * Answers one async wx API as the device would (the camera for scanCode, say): success and complete callbacks,
   * or, called without callbacks, a promise, as WeChat's base library does for async APIs.
   */
  answerWxApi(name: string, answer: (opts: Record<string, unknown>) => object): void {
    this.wx[name] = (opts: Record<string, unknown> = {}) => {
      const res = { errMsg: `${name}:ok`, ...answer(opts) };
      const cb = (k: string) => opts[k] as ((r: unknown) => void) | undefined;
      if (!cb('success') && !cb('fail') && !cb('complete')) return Promise.resolve(res);
      queueMicrotask(() => {
        cb('success')?.(res);
        cb('complete')?.(res);
      });
      return undefined;
    };
  }

  /** Replaces one synchronous wx API (getFileSystemManager …). */
  stubWxApi(name: string, impl: (...args: unknown[]) => unknown): void {
    this.wx[name] = impl;
  }

  /** WeChat's storage, in memory (the simulate mock keeps nothing), and the network through the handler. */
  private stubWx(): void {
    const wx = this.wx;
    const storage = this.storage;
    const clone = (v: unknown) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
    wx['getStorageSync'] = (k: string) => (storage.has(k) ? clone(storage.get(k)) : '');
    wx['setStorageSync'] = (k: string, v: unknown) => void storage.set(k, clone(v));
    wx['removeStorageSync'] = (k: string) => void storage.delete(k);
    wx['request'] = (opts: {
      url: string;
      method?: string;
      header?: Record<string, string>;
      data?: unknown;
      success?: (r: unknown) => void;
      fail?: (e: unknown) => void;
      complete?: (r: unknown) => void;
    }) => {
      const req: RecordedRequest = { url: opts.url, method: opts.method ?? 'GET', header: { ...opts.header }, data: opts.data };
      this.requests.push(req);
      this.pending += 1;
      void (async () => {
        let res: NetworkResponse | 'fail';
        try {
          res = await this.handler(req);
        } catch {
          res = 'fail';
        }
        req.answer = res === 'fail' ? 'fail' : { statusCode: res.statusCode, text: typeof res.data === 'string' ? res.data : JSON.stringify(res.data) };
        this.pending -= 1;
        if (res === 'fail') {
          const err = { errMsg: 'request:fail timeout', errno: 5 };
          opts.fail?.(err);
          opts.complete?.(err);
        } else {
          const data = opts.method === 'PUT' || typeof res.data === 'string' ? res.data : JSON.stringify(res.data);
          const r = { statusCode: res.statusCode, data, header: {}, errMsg: 'request:ok' };
          opts.success?.(r);
          opts.complete?.(r);
        }
      })();
      return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} };
    };
    for (const kind of ['navigateTo', 'redirectTo', 'reLaunch', 'switchTab']) {
      wx[kind] = (opts: { url: string; success?: (r: unknown) => void; complete?: (r: unknown) => void }) => {
        this.navigations.push({ kind, url: opts.url });
        const r = { errMsg: `${kind}:ok` };
        return Promise.resolve().then(() => {
          opts.success?.(r);
          opts.complete?.(r);
          return r;
        });
      };
    }
  }

  /** CommonJS as WeChat runs it: each file wrapped in a function whose parameters are the mini-program globals. */
  private requireFile(file: string): unknown {
    const abs = path.resolve(file);
    const cached = this.moduleCache.get(abs);
    if (cached) return cached.exports;
    const module = { exports: {} as unknown };
    this.moduleCache.set(abs, module);
    const code = readFileSync(abs, 'utf8');
    const fn = vm.runInThisContext(
      `(function (require, module, exports, wx, App, Page, Component, Behavior, getApp, getCurrentPages, __wxConfig) {${code}\n})`,
      { filename: abs },
    ) as (...args: unknown[]) => void;
    const localRequire = (p: string) => this.requireFile(path.resolve(path.dirname(abs), p.endsWith('.js') ? p : `${p}.js`));
    const g = globalThis as unknown as Record<string, unknown>;
    fn(
      localRequire,
      module,
      module.exports,
      this.wx,
      (cfg: Record<string, unknown>) => void (this.app = cfg),
      (cfg: PageConfig) => this.registerPage(cfg),
      (def: object) => this.registerComponent(def),
      g['Behavior'],
      () => this.app,
      () => this.pages,
      { envVersion: 'develop' },
    );
    return module.exports;
  }

  /** Page() as a component: the page's functions become methods; lifecycles are called by `open`. */
  private registerPage(cfg: PageConfig): void {
    const methods: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(cfg)) if (typeof v === 'function') methods[k] = v;
    this.registerComponent({ data: cfg.data ?? {}, methods });
  }

  private registerComponent(def: object): void {
    if (this.running) {
      this.definitions.set(this.running, def);
      this.registeredNow.add(this.running);
    }
    (globalThis as unknown as { Component: (def: object) => void }).Component(def);
  }

  /** Runs app.js and the app's launch lifecycles, as WeChat does once at start. */
  launch(query: Record<string, string> = {}): void {
    this.requireFile(path.join(this.root, 'app.js'));
    const app = this.app;
    if (!app) throw new Error('app.js did not call App()');
    const opts = { path: '', query, scene: 1011, referrerInfo: {} };
    (app['onLaunch'] as Lifecycle | undefined)?.call(app, opts);
    (app['onShow'] as Lifecycle | undefined)?.call(app, opts);
  }

  /** Opens a page as WeChat would for `route?query`: load, show, ready. */
  async open(route: string, query: Record<string, string> = {}): Promise<WeappPage> {
    const id = this.simulate.load(path.join(this.root, route), { compiler: 'official', rootPath: this.root });
    const node = this.simulate.render(id);
    node.attach(this.body);
    const page = node.instance;
    Object.assign(page, { route, __route__: route, options: query });
    this.pages.push(page);
    const call = (name: string, ...args: unknown[]) => (page[name] as Lifecycle | undefined)?.apply(page, args);
    call('onLoad', query);
    call('onShow');
    call('onReady');
    const view: WeappPage = {
      node,
      route,
      text: () => (node.dom.textContent ?? '').replace(/\s+/g, ' ').trim(),
      byId: (elId) => {
        const found = deepQuery(node, elId);
        if (!found) throw new Error(`no element #${elId} on ${route}: ${view.text().slice(0, 300)}`);
        return found;
      },
      tap: async (elId) => {
        view.byId(elId).dispatchEvent('tap', { detail: {} });
        await view.settle();
      },
      input: async (elId, value) => {
        view.byId(elId).dispatchEvent('input', { detail: { value, cursor: value.length } });
        await view.settle();
      },
      // five quiet rounds in a row: no request in flight (real HTTP takes its time), timers and renders run
      settle: async (ms = 30) => {
        const deadline = Date.now() + 30_000;
        for (let quiet = 0; quiet < 5 && Date.now() < deadline; ) {
          await this.simulate.sleep(ms);
          quiet = this.pending > 0 ? 0 : quiet + 1;
        }
      },
    };
    await view.settle();
    return view;
  }
}
