import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import { useBodyTextPx } from '../lib/prefs';
import { BackBar } from './BackBar';

/** H5: as `Page.tsx`, with the way back (the browser has no bar of its own) and the page's content in a <main> landmark. */
export function Page({ children, className }: { children: ReactNode; className?: string }) {
  const { large, px } = useBodyTextPx();
  const root = useRef<HTMLDivElement>(null);
  // Taro's page box is what scrolls: Tab reaches it, so a keyboard scrolls a page that has no control of its own
  useEffect(() => void root.current?.closest('.taro_page')?.setAttribute('tabindex', '0'), []);
  return (
    <div ref={root} className={`page ${large ? 'large' : ''} ${className ?? ''}`} style={{ '--fs': `${px}px` } as CSSProperties}>
      <BackBar />
      <main>{children}</main>
    </div>
  );
}
