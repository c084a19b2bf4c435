import { useEffect, useState } from 'react';
import { play } from '../lib/recorder';
import type { Playback } from '../lib/recording';
import { Button } from './Button';
import { words } from '../i18n';

/** 播放 / 停止播放 for one recording (a local file or a short-lived link): 停止播放 only while sound plays. */
export function PlayButton({ id, src, className, idle = words.common.play, label }: { id: string; src: string; className?: string; idle?: string; label?: string }) {
  const [playback, setPlayback] = useState<Playback | null>(null);
  const [sounding, setSounding] = useState(false);
  useEffect(() => () => playback?.stop(), [playback]);
  const toggle = () => {
    if (playback) {
      playback.stop();
      return;
    }
    const p = play(src);
    setPlayback(p);
    void p.playing.then(() => setSounding(true));
    void p.ended.then(() => {
      setPlayback(null);
      setSounding(false);
    });
  };
  return (
    <Button id={id} className={className ?? 'btn'} label={label} onClick={toggle}>
      {sounding ? words.common.stopPlaying : playback ? words.common.opening : idle}
    </Button>
  );
}
