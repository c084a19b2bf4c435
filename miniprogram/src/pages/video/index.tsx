import { View } from '@tarojs/components';
import { Button } from '../../components/Button';
import Taro from '@tarojs/taro';
import { bookingUrl } from '../../booking/routes';
import { Page } from '../../components/Page';
import { home } from '../../lib/nav';

/** Entry point of video receptions; the booking pages live in the `booking` subpackage. */
export default function Video() {
  return (
    <Page>
      <View className='title'>预约视频接访</View>
      <View className='card'>可以预约与镇领导、律师、法官、调解员或心理咨询师视频面谈，也可以预约到中心当面谈或电话沟通。</View>
      <Button className='btn primary big' id='book-reception' onClick={() => void Taro.navigateTo({ url: bookingUrl('hosts') })}>
        预约接访
      </Button>
      <Button className='btn' id='my-receptions' onClick={() => void Taro.navigateTo({ url: bookingUrl('mine') })}>
        我的预约
      </Button>
      <Button className='btn' onClick={home}>
        回到首页
      </Button>
    </Page>
  );
}
