import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { home } from '../lib/nav';
import { isWeapp } from '../lib/request';
import { ROUTES } from '../routes';

/**
 * In a browser (H5) the app has no navigation bar of its own: every page but the home page gets a way back, to the
 * page it came from or, opened straight from a link or a code, to the home page. WeChat draws its own back button.
 */
export function BackBar() {
  const router = useRouter();
  const path = (router.path ?? '').replace(/^\//, '').split('?')[0];
  if (isWeapp() || !path || path === ROUTES.home.path) return null;
  const canGoBack = Taro.getCurrentPages().length > 1;
  return (
    <View
      id='back'
      role='link'
      style={{ padding: '4px 0 12px', color: '#1a5fb4', fontSize: '17px' }}
      onClick={() => (canGoBack ? void Taro.navigateBack() : home())}
    >
      ‹ {canGoBack ? '返回' : '回到首页'}
    </View>
  );
}
