import { ROUTES, SUBPACKAGES } from './routes';

export default defineAppConfig({
  pages: Object.values(ROUTES).map((r) => r.path),
  ...(SUBPACKAGES.length ? { subPackages: SUBPACKAGES.map((s) => ({ root: s.root, pages: [...s.pages] })) } : {}),
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#b71c1c',
    navigationBarTitleText: '哨岗',
    navigationBarTextStyle: 'white',
  },
  // location is asked for only when the citizen taps "附上位置"
  requiredPrivateInfos: ['getLocation'],
  permission: { 'scope.userLocation': { desc: '用于标记您反映问题的位置，方便工作人员上门处理' } },
  __usePrivacyCheck__: true,
});
