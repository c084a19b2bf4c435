import { Button, View } from '@tarojs/components';
import { Page } from '../../components/Page';
import { home } from '../../lib/nav';

/** Entry point only: the booking pages come with their own issue. */
export default function Video() {
  return (
    <Page>
      <View className='title'>预约视频接访</View>
      <View className='card'>
        可以预约与镇领导、律师、法官或调解员视频面谈。预约功能正在建设中，暂时请到岗点扫码吹哨，或到镇综治中心当面反映。
      </View>
      <Button className='btn' onClick={home}>
        回到首页
      </Button>
    </Page>
  );
}
