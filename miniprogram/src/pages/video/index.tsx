import { View } from '@tarojs/components';
import { Button } from '../../components/Button';
import Taro from '@tarojs/taro';
import { bookingUrl } from '../../booking/routes';
import { Page } from '../../components/Page';
import { home } from '../../lib/nav';
import { words } from '../../i18n';

const w = words.video;

/** Entry point of video receptions; the booking pages live in the `booking` subpackage. */
export default function Video() {
  return (
    <Page>
      <View className='title'>{w.title}</View>
      <View className='card'>{w.intro}</View>
      <Button className='btn primary big' id='book-reception' onClick={() => void Taro.navigateTo({ url: bookingUrl('hosts') })}>
        {w.book}
      </Button>
      <Button className='btn' id='my-receptions' onClick={() => void Taro.navigateTo({ url: bookingUrl('mine') })}>
        {w.mine}
      </Button>
      <Button className='btn' onClick={home}>
        {words.common.home}
      </Button>
    </Page>
  );
}
