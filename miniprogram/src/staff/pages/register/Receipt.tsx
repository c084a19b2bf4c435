import { Image, Text, View } from '@tarojs/components';
import { formatTime } from '../../../../../shared/format';
import { claimLink, postLinkBase } from '../../../../../shared/postLink';
import type { SubmitPetitionResponse } from '../../../../../shared/schemas/api';
import { qrSvgDataUrl } from '../../lib/qr';

const LINK_BASE = postLinkBase({ POST_LINK_BASE, H5_PORT });

export interface ReceiptOf {
  answer: SubmitPetitionResponse;
  registeredAt: string;
  channelLabel: string;
  categoryName: string;
  placeLabel: string;
}

/**
 * 回执: one A5 sheet for the citizen. The tracking code and query secret, what happens next and by when, and a QR
 * code (shared/postLink.ts claimLink) that claims the case in WeChat, after which it is theirs as if they had scanned
 * a post. Printing shows the sheet alone (print.h5.ts).
 */
export function Receipt({ of }: { of: ReceiptOf }) {
  const a = of.answer;
  const secret = a.secret ?? '';
  const link = claimLink(LINK_BASE, a.trackingCode, secret);
  return (
    <View id='receipt' className='receipt' data-url={link}>
      <View className='receipt-brand'>哨岗 · 诉求登记回执</View>
      <View className='receipt-centre'>{a.centreName}</View>
      <View className='receipt-rows'>
        <Text className='receipt-row'>登记时间：{formatTime(of.registeredAt)}</Text>
        <Text className='receipt-row'>来源渠道：{of.channelLabel}</Text>
        <Text className='receipt-row'>诉求类型：{of.categoryName}</Text>
        <Text className='receipt-row'>所在地点：{of.placeLabel}</Text>
      </View>
      <View className='receipt-codes'>
        <Text className='receipt-row'>
          跟踪码 <Text id='receipt-code' className='receipt-code'>{a.trackingCode}</Text>
        </Text>
        <Text className='receipt-row'>
          查询密码 <Text id='receipt-secret' className='receipt-code'>{secret}</Text>
        </Text>
      </View>
      <View id='receipt-next' className='receipt-next'>
        接下来：{a.centreName}将在 {formatTime(a.dueAt)} 前受理（接哨），受理后派给责任部门办理，每一步都有时限，进展都有记录。办结后请您评价。
      </View>
      <View className='receipt-claim'>
        <Image id='receipt-qr' className='receipt-qr' src={qrSvgDataUrl(link)} mode='aspectFit' nativeProps={{ alt: '认领二维码：用微信扫一扫，把这件诉求归到您的名下' }} />
        <View className='receipt-claim-text'>
          用微信扫一扫，认领这件诉求：它会出现在“我的反映”里，每一步进展都会通知您，办结后可以评价。没有微信也可以凭跟踪码和查询密码查询进度。
        </View>
      </View>
      <View className='receipt-foot'>请妥善保管本回执；查询密码不要告诉他人。</View>
    </View>
  );
}
