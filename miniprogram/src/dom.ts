/**
 * The weapp renders with Preact (config/index.ts: its runtime is 86 KiB lighter than React's reconciler, and the
 * main package is what a scan downloads first). Preact's diff asks a parent whether it holds a node
 * (`Node.contains`), which Taro's mini-program DOM does not have: without it a page that re-renders a moved child
 * throws and goes blank. The browser build has the real DOM (dom.h5.ts).
 */
import { TaroNode } from '@tarojs/runtime';

const proto = TaroNode.prototype as TaroNode & { contains?: (node: TaroNode | null) => boolean };
if (typeof proto.contains !== 'function') {
  Object.defineProperty(proto, 'contains', {
    configurable: true,
    value(this: TaroNode, node: TaroNode | null): boolean {
      for (let n: TaroNode | null = node; n; n = n.parentNode) if (n === this) return true;
      return false;
    },
  });
}
