import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { useData } from '../../../lib/useData';
import { Chips, ListState } from '../../components/Form';
import { StaffPage } from '../../components/StaffPage';
import { levelNamesOf } from '../../../../../shared/countySettings';
import { loadOrg, type OrgView } from '../../lib/org';
import type { StaffUser } from '../../lib/session';
import { CategoriesTab } from './CategoriesTab';
import { DepartmentsTab } from './DepartmentsTab';
import { ExpertsTab } from './ExpertsTab';
import { NodesTab } from './NodesTab';
import { AuditTab, LoginsTab } from './RecordsTab';
import { SettingsTab } from './SettingsTab';
import { UsersTab } from './UsersTab';

const TABS = [
  { value: 'nodes', label: '乡镇与村' },
  { value: 'departments', label: '责任部门' },
  { value: 'categories', label: '诉求类型与时限' },
  { value: 'users', label: '工作人员' },
  { value: 'experts', label: '专家库' },
  { value: 'audit', label: '操作记录' },
  { value: 'logins', label: '登录记录' },
  { value: 'settings', label: '本县设置' },
] as const;
type Tab = (typeof TABS)[number]['value'];
/** login records are the admins' alone; the county's settings are for a caller whose scope is the county */
const tabsFor = (user: StaffUser, org: OrgView | null) =>
  TABS.filter((t) => (t.value !== 'logins' || user.role === 'admin') && (t.value !== 'settings' || org?.scope.kind === 'county'));

/** The first tab is named after the county's own levels (乡镇与村, 苏木与嘎查 …). */
function tabsOf(org: OrgView | null, tabs: ReadonlyArray<(typeof TABS)[number]>) {
  const names = levelNamesOf(org?.nodes ?? []);
  return tabs.map((t) => (t.value === 'nodes' ? { ...t, label: `${names.township}与${names.village}` } : t));
}

/** People and organisation (county supervisors and admins): townships and villages, departments, categories, staff. */
export default function OrgPage() {
  // StaffPage shows anyone but county supervisors and admins nothing of it (the org route's menu roles)
  return (
    <StaffPage current='org' wide>
      {(user) => <OrgTabs user={user} />}
    </StaffPage>
  );
}

function OrgTabs({ user }: { user: StaffUser }) {
  const { params } = useRouter();
  /** Every save reads the org again, so each tab's lists and choices show what was just made. */
  const read = useData(loadOrg, []);
  const org = read.data ?? null;
  const reload = read.refresh;
  const tabs = tabsFor(user, org);
  const [tab, setTab] = useState<Tab>(TABS.find((t) => t.value === params.tab)?.value ?? 'nodes');

  return (
    <View>
      <View className='staff-title'>人员与组织</View>
      <Chips idPrefix='org-tab' options={tabsOf(org, tabs)} selected={[tab]} onToggle={setTab} />
      <ListState id='org' loading={read.loading} error={read.error} empty={false} emptyText='' onRetry={() => void read.reload()} />
      {org && !read.loading ? (
        <View>
          <Text className='staff-muted'>管辖范围：{org.scope.name}</Text>
          {tab === 'nodes' ? <NodesTab org={org} onSaved={reload} /> : null}
          {tab === 'departments' ? <DepartmentsTab org={org} onSaved={reload} /> : null}
          {tab === 'categories' ? <CategoriesTab org={org} onSaved={reload} /> : null}
          {tab === 'users' ? <UsersTab org={org} user={user} /> : null}
          {tab === 'experts' ? <ExpertsTab org={org} /> : null}
          {tab === 'audit' ? <AuditTab /> : null}
          {tab === 'logins' && user.role === 'admin' ? <LoginsTab /> : null}
          {tab === 'settings' && org.scope.kind === 'county' ? <SettingsTab org={org} onSaved={reload} /> : null}
        </View>
      ) : null}
    </View>
  );
}
