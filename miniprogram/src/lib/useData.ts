import { useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { messageOf } from './request';

/** When a page reads: on mount and whenever `deps` change; with `onShow`, again each time the page shows again (back
 * from a page that changed something), keeping what is on screen instead of flashing 正在加载. */
interface When {
  onShow?: boolean;
}

/** How a read is going; `failure` is the error itself (an ApiError names the fields a filter got wrong). */
interface ReadState {
  loading: boolean;
  error: string;
  failure: unknown;
}

/** One read at a time wins: an answer that arrives after a newer read started is dropped, so a quick change of
 * filter never shows the previous filter's rows. */
function useGuard(deps: unknown[], when: When, first: (quiet: boolean) => Promise<void>) {
  const latest = useRef(0);
  const shown = useRef(false);
  const [state, setState] = useState<ReadState>({ loading: true, error: '', failure: undefined });
  const guard = async <A>(read: () => Promise<A>, apply: (answer: A) => void, fail: () => void, quiet = false) => {
    const mine = ++latest.current;
    setState((s) => ({ loading: quiet ? s.loading : true, error: '', failure: undefined }));
    try {
      const answer = await read();
      if (mine !== latest.current) return;
      apply(answer);
      setState({ loading: false, error: '', failure: undefined });
    } catch (e) {
      if (mine !== latest.current) return;
      if (!quiet) fail();
      setState({ loading: false, error: messageOf(e), failure: e });
    }
  };
  useEffect(() => void first(false), deps);
  useDidShow(() => {
    if (when.onShow && shown.current) void first(true);
    shown.current = true;
  });
  return { ...state, guard };
}

/** What a page shows while it reads: 正在加载, the answer, or an error (a message a person reads) with 再试一次. */
export interface Loaded<T> extends ReadState {
  data: T | undefined;
  /** Read again from scratch, showing 正在加载 (再试一次). */
  reload: () => Promise<void>;
  /** Read again keeping the answer on screen (after the page changed something). */
  refresh: () => Promise<void>;
  /** Show the answer of a change the page made (a write that returns the new state), without reading again. */
  set: (answer: T) => void;
}

/** The one way a page reads one answer from the API. A failed read (not a quiet re-read) clears the old answer. */
export function useData<T>(read: () => Promise<T>, deps: unknown[], when: When = {}): Loaded<T> {
  const [data, setData] = useState<T | undefined>();
  const { guard, ...state } = useGuard(deps, when, (quiet) => load(quiet));
  const load = (quiet = false) => guard(read, setData, () => setData(undefined), quiet);
  return { data, ...state, reload: () => load(), refresh: () => load(true), set: setData };
}

/** A list read a page at a time, newest first: the first page as {@link useData}, then 加载更多 appends the next. */
export interface Paged<T> extends ReadState {
  items: T[];
  /** Where the next page starts; undefined on the last page. */
  cursor: string | undefined;
  /** 加载更多 is reading. */
  loadingMore: boolean;
  reload: () => Promise<void>;
  refresh: () => Promise<void>;
  more: () => Promise<void>;
}

export function usePages<T>(read: (cursor?: string) => Promise<{ items: T[]; cursor?: string }>, deps: unknown[], when: When = {}): Paged<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const [loadingMore, setLoadingMore] = useState(false);
  const { guard, ...state } = useGuard(deps, when, (quiet) => page(undefined, quiet));
  const page = async (after: string | undefined, quiet: boolean) => {
    if (after) setLoadingMore(true);
    await guard(
      () => read(after),
      (p) => {
        setItems((prev) => (after ? [...prev, ...p.items] : p.items));
        setCursor(p.cursor);
      },
      () => {
        setItems([]);
        setCursor(undefined);
      },
      quiet,
    );
    if (after) setLoadingMore(false);
  };
  return {
    items,
    cursor,
    loadingMore,
    ...state,
    reload: () => page(undefined, false),
    refresh: () => page(undefined, true),
    more: () => (cursor && !loadingMore ? page(cursor, true) : Promise.resolve()),
  };
}
