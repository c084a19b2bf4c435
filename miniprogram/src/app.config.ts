import { zh } from './i18n/zh';
import { ROUTES, SUBPACKAGES } from './routes';

export default defineAppConfig({
  pages: Object.values(ROUTES).map((r) => r.path),
  ...(SUBPACKAGES.length ? { subPackages: SUBPACKAGES.map((s) => ({ root: s.root, pages: [...s.pages] })) } : {}),
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#b71c1c',
    navigationBarTitleText: zh.titles.home,
    navigationBarTextStyle: 'white',
  },
  // location is asked for only when the citizen taps "附上位置"
  requiredPrivateInfos: ['getLocation'],
  permission: { 'scope.userLocation': { desc: zh.permissions.location } },
  __usePrivacyCheck__: true,
});
