import { Image, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { postLink, postLinkBase } from '../../../../../shared/postLink';
import { isWeapp } from '../../../lib/request';
import { useData } from '../../../lib/useData';
import { ListState } from '../../components/Form';
import { StaffPage } from '../../components/StaffPage';
import { getPost, type StaffPost } from '../../lib/org';
import { qrSvgDataUrl } from '../../lib/qr';
// the print rules, in the browser only (print.h5.ts)
import './print';
import { Button } from '../../../components/Button';

/** At most this many posters in one print: a township's posts fit, a county's all at once would not. */
const MAX_POSTERS = 60;
const LINK_BASE = postLinkBase({ POST_LINK_BASE, H5_PORT });

interface Poster extends StaffPost {
  url: string;
  qr: string;
}

/**
 * One printable A4 poster per post (`ids`, comma-separated): the post's QR code, which encodes the ordinary link
 * `<POST_LINK_BASE>/?postId=<id>` so a WeChat scan opens the report form for that post, its name, township and a
 * one-line instruction. Printing shows the sheets only, one per page.
 */
export default function PostersPage() {
  const { params } = useRouter();
  // WeChat hands the query over still encoded (%2C), the H5 router decoded; ids themselves never need decoding
  const ids = [...new Set((params.ids ?? '').split(/,|%2C/i).filter(Boolean))].slice(0, MAX_POSTERS);
  const read = useData(
    async () =>
      (await Promise.all(ids.map((id) => getPost(id)))).map((p): Poster => {
        const url = postLink(LINK_BASE, p.post.id);
        return { ...p, url, qr: qrSvgDataUrl(url) };
      }),
    [],
  );
  const posters = read.data ?? [];

  const print = () => {
    // WeChat has no printer: staff print from a desktop browser; a phone can still show a poster to be scanned
    if (isWeapp()) void Taro.showModal({ title: '请在电脑上打印', content: '在电脑浏览器中登录工作台，打开岗点页选择岗点后打印。', showCancel: false });
    else window.print();
  };

  return (
    <StaffPage current='posts' wide>
      {() => (
        <View>
          <View className='no-print'>
            <View className='staff-title'>岗点二维码海报（{posters.length} 张）</View>
            <View className='staff-muted staff-field'>每个岗点一张 A4 纸；打印时只打印海报，不打印菜单。</View>
            <Button id='posters-print' className='staff-btn primary' onClick={print}>
              打印
            </Button>
            <ListState id='posters' loading={read.loading} error={read.error} empty={!ids.length} emptyText='没有选择岗点：请在岗点页勾选后打印。' onRetry={() => void read.reload()} />
          </View>
          {!read.loading && !read.error
            ? posters.map((p) => (
                <View key={p.post.id} id={`sheet-${p.post.id}`} className='poster' data-url={p.url}>
                  <View className='poster-brand'>哨岗 · 千岗万哨</View>
                  <View className='poster-name'>{p.post.name}</View>
                  <View className='poster-place'>
                    {p.township.name} · {p.node.name}
                  </View>
                  <Image id={`qr-${p.post.id}`} className='poster-qr' src={p.qr} mode='aspectFit' nativeProps={{ alt: `${p.post.name}的二维码：扫码打开吹哨页` }} />
                  <View className='poster-instruction'>微信扫一扫，一键吹哨反映问题</View>
                  <View className='poster-foot'>
                    {p.post.address} · 岗点编号 {p.post.id}
                  </View>
                </View>
              ))
            : null}
        </View>
      )}
    </StaffPage>
  );
}
