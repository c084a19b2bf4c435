import Taro, { useRouter } from '@tarojs/taro';
import { home } from '../lib/nav';
import { isWeapp } from '../lib/request';
import { ROUTES } from '../routes';
import { Button } from './Button';
import { words } from '../i18n';

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
    <Button id='back' className='link back' onClick={() => (canGoBack ? void Taro.navigateBack() : home())}>
      {canGoBack ? words.common.back : words.common.backHome}
    </Button>
  );
}
