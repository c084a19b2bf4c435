import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useLoad, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { claimFromLaunch, claimFromUrl, postIdFromLaunch, postIdFromScan, postIdFromUrl } from '../../lib/code';
import type { Draft } from '../../lib/draft';
import { drafts } from '../../lib/drafts';
import { go, replace } from '../../lib/nav';
import { toast, useLargeText } from '../../lib/prefs';
import { isWeapp } from '../../lib/request';
import { tracked } from '../../lib/tracked';
import { STAFF_LOGIN_URL } from '../../staff/entry';
import { fill, words } from '../../i18n';

const w = words.home;

export default function Home() {
  const router = useRouter();
  const [large, setLarge] = useLargeText();
  const [waiting, setWaiting] = useState<Draft[]>([]);

  useLoad(() => {
    // a code may open the app on its home page: go straight to the report form with the post filled in
    const fromLaunch = postIdFromLaunch(router.params);
    const fromUrl = !isWeapp() && typeof window !== 'undefined' ? postIdFromUrl(window.location.href) : null;
    const postId = fromLaunch ?? fromUrl;
    if (postId) return replace('report', { postId });
    // a registration receipt's code: to the claim page, its secret kept in memory only
    const claim = claimFromLaunch(router.params) ?? (!isWeapp() && typeof window !== 'undefined' ? claimFromUrl(window.location.href) : null);
    if (claim) {
      tracked.set(claim.trackingCode, claim.secret);
      replace('claim', { code: claim.trackingCode });
    }
  });
  useDidShow(() => setWaiting(drafts.waiting()));

  async function scan() {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: false });
      const postId = postIdFromScan(res);
      if (postId) go('report', { postId });
      else toast(w.notOurCode);
    } catch {
      // the citizen closed the scanner
    }
  }

  return (
    <Page>
      <View className='title'>{w.title}</View>
      <View className='subtitle'>{w.subtitle}</View>

      {waiting.length > 0 && (
        <View className='banner' id='waiting-drafts'>
          <Text>{fill(w.waitingDrafts, { n: waiting.length })}</Text>
          {waiting.map((d, i) => (
            <Button key={d.target} id={`open-draft-${i}`} className='btn primary' onClick={() => go('report', { draft: d.target })}>
              {w.openDraft}
            </Button>
          ))}
        </View>
      )}

      {isWeapp() ? (
        <Button className='btn primary big' id='scan' onClick={scan}>
          {w.scan}
        </Button>
      ) : (
        <View className='card small'>{w.scanInWeChat}</View>
      )}
      <Button className='btn big' id='report-without-code' onClick={() => go('report')}>
        {w.reportWithoutCode}
      </Button>
      <Button className='btn' id='my-petitions' onClick={() => go('mine')}>
        {w.mine}
      </Button>
      <Button className='btn' onClick={() => go('video')}>
        {w.video}
      </Button>
      <Button className='btn' onClick={() => go('track')}>
        {w.track}
      </Button>

      <Button id='large-text' className='chip switch' pressed={large} onClick={() => setLarge(!large)}>
        <Text>{w.largeText}</Text>
        <View className='switch-track' />
      </Button>

      {/* staff in the field open their pages from the same app; the link is small so citizens are not led astray */}
      <Button id='staff-entry' className='link' onClick={() => void Taro.navigateTo({ url: STAFF_LOGIN_URL })}>
        {w.staffEntry}
      </Button>
    </Page>
  );
}
