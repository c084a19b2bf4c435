import { BOOKING_SUBPACKAGE } from './booking/entry';
import { zh } from './i18n/zh';
import { ROUTES } from './routes';
import { STAFF_SUBPACKAGE } from './staff/entry';

const routes = Object.values(ROUTES);
const isMain = (r: (typeof routes)[number]) => 'main' in r && r.main;
/** a citizen page outside the main package: a subpackage of its own whose root is the page's folder */
const ownSubpackage = (path: string) => ({ root: path.slice(0, path.lastIndexOf('/')), pages: [path.slice(path.lastIndexOf('/') + 1)] });
const citizenSubpackages = routes.filter((r) => !isMain(r)).map((r) => ownSubpackage(r.path));

export default defineAppConfig({
  pages: routes.filter(isMain).map((r) => r.path),
  // booking and staff pages load when first opened and never weigh on the main package
  subPackages: [...citizenSubpackages, BOOKING_SUBPACKAGE, STAFF_SUBPACKAGE].map((s) => ({ root: s.root, pages: [...s.pages] })),
  // once the home page or a sent report's result shows, WeChat fetches the pages a citizen goes to next
  preloadRule: {
    [ROUTES.home.path]: { network: 'all', packages: [ownSubpackage(ROUTES.mine.path).root, ownSubpackage(ROUTES.detail.path).root] },
    [ROUTES.result.path]: { network: 'all', packages: [ownSubpackage(ROUTES.detail.path).root] },
  },
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
