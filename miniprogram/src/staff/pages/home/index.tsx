import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { StaffPage } from '../../components/StaffPage';
import { ROLE_LABELS } from '../../lib/session';
import { navFor, staffUrl } from '../../routes';

/** The staff desk: who is logged in and the pages their role may open, as large targets for a phone. */
export default function StaffHome() {
  return (
    <StaffPage current='home'>
      {(user) => (
        <View>
          <View className='staff-title'>
            {user.name}，您好
          </View>
          <View className='staff-muted staff-field'>
            <Text>{ROLE_LABELS[user.role]}</Text>
          </View>
          <View className='staff-card'>
            {navFor(user.role)
              .filter((n) => n.name !== 'home')
              .map((n) => (
                <View key={n.name} id={`desk-${n.name}`} className='staff-btn' onClick={() => void Taro.navigateTo({ url: staffUrl(n.name) })}>
                  {n.label}
                </View>
              ))}
          </View>
        </View>
      )}
    </StaffPage>
  );
}
