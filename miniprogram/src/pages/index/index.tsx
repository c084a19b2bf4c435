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
import { staffUrl } from '../../staff/routes';

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
      else toast('这不是哨岗的岗点二维码');
    } catch {
      // the citizen closed the scanner
    }
  }

  return (
    <Page>
      <View className='title'>哨岗 · 有事您吹哨</View>
      <View className='subtitle'>扫岗点二维码反映问题，办理每一步都能看到。</View>

      {waiting.length > 0 && (
        <View className='banner' id='waiting-drafts'>
          <Text>有 {waiting.length} 件反映还没有发送成功，正在等待发送。</Text>
          {waiting.map((d, i) => (
            <Button key={d.target} id={`open-draft-${i}`} className='btn primary' onClick={() => go('report', { draft: d.target })}>
              打开并重新发送
            </Button>
          ))}
        </View>
      )}

      {isWeapp() ? (
        <Button className='btn primary big' id='scan' onClick={scan}>
          扫码吹哨
        </Button>
      ) : (
        <View className='card small'>请用微信扫描岗点上的二维码；也可以直接反映。</View>
      )}
      <Button className='btn big' id='report-without-code' onClick={() => go('report')}>
        没有二维码，直接反映
      </Button>
      <Button className='btn' id='my-petitions' onClick={() => go('mine')}>
        我的反映和办理进度
      </Button>
      <Button className='btn' onClick={() => go('video')}>
        预约视频接访
      </Button>
      <Button className='btn' onClick={() => go('track')}>
        查询匿名反映
      </Button>

      <Button id='large-text' className='chip switch' pressed={large} onClick={() => setLarge(!large)}>
        <Text>大字模式</Text>
        <View className='switch-track' />
      </Button>

      {/* staff in the field open their pages from the same app; the link is small so citizens are not led astray */}
      <Button id='staff-entry' className='link' onClick={() => void Taro.navigateTo({ url: staffUrl('login') })}>
        工作人员入口
      </Button>
    </Page>
  );
}
