import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState, type ReactNode } from 'react';
import { logout, ROLE_LABELS, staffSession, toLogin, type StaffUser } from '../lib/session';
import { mayOpen, navFor, staffUrl, type StaffRouteName } from '../routes';
import '../staff.css';
import { Button } from '../../components/Button';
import { Region } from '../../components/Region';

/**
 * Every staff page's frame: the menu for the user's role, who is logged in, and logout. A page without a valid
 * session goes to the login page (and comes back after). Children render only with a user, so pages may assume one,
 * and only for a role that may open the page (`gate`, else the menu entry `current` it shows as chosen).
 */
export function StaffPage({ current, gate = current, children, wide }: { current?: StaffRouteName; gate?: StaffRouteName; children: (user: StaffUser) => ReactNode; wide?: boolean }) {
  const [user, setUser] = useState<StaffUser | null>(() => staffSession()?.user ?? null);
  useDidShow(() => {
    const s = staffSession();
    if (!s) toLogin();
    setUser(s?.user ?? null);
  });
  if (!user) return <View className='staff' />;
  return (
    <View className={`staff ${wide ? 'wide' : ''}`}>
      <Region as='header' className='staff-bar'>
        <Region as='nav' label='工作台菜单' className='staff-nav'>
          {navFor(user.role).map((n) => (
            <Button
              key={n.name}
              id={`nav-${n.name}`}
              className='staff-nav-item'
              current={n.name === current}
              onClick={() => void Taro.reLaunch({ url: staffUrl(n.name) })}
            >
              {n.label}
            </Button>
          ))}
        </Region>
        <View className='staff-who'>
          <Text id='staff-user'>
            {user.name} · {ROLE_LABELS[user.role]}
          </Text>
          <Button id='logout' className='staff-link' onClick={logout}>
            退出
          </Button>
        </View>
      </Region>
      <Region as='main' className='staff-body'>
        {!gate || mayOpen(gate, user.role) ? (
          children(user)
        ) : (
          // a page for other roles shows nothing of itself, as the API answers 404 for what a caller may not see
          <View id='staff-not-found' className='staff-card staff-muted'>
            未找到该页面
          </View>
        )}
      </Region>
    </View>
  );
}
