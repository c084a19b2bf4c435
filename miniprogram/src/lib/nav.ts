import Taro from '@tarojs/taro';
import { urlOf, type RouteName, type RouteParams } from '../routes';

export function go<N extends RouteName>(name: N, params?: RouteParams[N]): void {
  void Taro.navigateTo({ url: urlOf(name, params) });
}
export function replace<N extends RouteName>(name: N, params?: RouteParams[N]): void {
  void Taro.redirectTo({ url: urlOf(name, params) });
}
export function home(): void {
  void Taro.reLaunch({ url: urlOf('home') });
}
