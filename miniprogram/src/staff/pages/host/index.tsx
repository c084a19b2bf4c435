/**
 * A host and when they receive: who they are (kind, fields, ways, introduction), the weekly hours and dated
 * exceptions in China time, and the slot rules. Saving shows the times citizens can now book. This container reads
 * the host, the centres and the organisation and saves; the sections are Identity, Hours and Rules, the form's rules
 * hostForm.ts.
 */
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { HostBody } from '../../../../../shared/schemas/booking';
import { Button } from '../../../components/Button';
import { ApiError } from '../../../lib/apiError';
import { messageOf } from '../../../lib/request';
import { StaffPage } from '../../components/StaffPage';
import { api } from '../../lib/api';
import type { StaffOrg } from '../../lib/petitions';
import { receptionsApi } from '../../lib/receptions';
import { staffSession } from '../../lib/session';
import { ExceptionsCard, WeeklyCard } from './Hours';
import { bodyOf, emptyForm, formOf, issuesByPath, meetingDepartments, newHostId, type HostForm } from './hostForm';
import { IdentityCard } from './Identity';
import { RulesCard, UpcomingCard } from './Rules';

export default function HostPage() {
  const { params } = useRouter();
  const [hostId] = useState(() => params.hostId ?? newHostId());
  const isNew = !params.hostId;
  const [form, setForm] = useState<HostForm | undefined>();
  const [centres, setCentres] = useState<Array<{ id: string; name: string }>>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState('');
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [upcoming, setUpcoming] = useState<Array<{ start: string; end: string }>>([]);
  const [org, setOrg] = useState<StaffOrg | null>(null);

  const set = (patch: Partial<HostForm>) => setForm((f) => (f ? { ...f, ...patch } : f));

  async function init() {
    const user = staffSession()?.user;
    if (!user) return;
    if (user.role !== 'centre_staff') {
      receptionsApi.centres().then(
        (list) => setCentres([{ id: user.scopeNodeId, name: '县综治中心' }, ...list.map((t) => ({ id: t.id, name: t.centreName }))]),
        () => setCentres([]),
      );
    }
    api.staff.org().then(setOrg, () => setOrg(null));
    if (isNew) return setForm(emptyForm(user.scopeNodeId));
    try {
      setForm(formOf(await receptionsApi.host(hostId)));
    } catch (e) {
      setBanner(messageOf(e));
    }
  }

  useEffect(() => {
    void init();
  }, [hostId]);

  async function save() {
    if (!form || busy) return;
    setBanner('');
    setSaved(false);
    const parsed = HostBody.safeParse(bodyOf(form));
    if (!parsed.success) {
      setErrors(issuesByPath(parsed.error.issues));
      setBanner('有几处需要修改，见标红的说明');
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await receptionsApi.saveHost(hostId, parsed.data);
      setSaved(true);
      setUpcoming((await receptionsApi.upcoming(hostId)).slice(0, 24));
    } catch (e) {
      if (e instanceof ApiError) setErrors(Object.fromEntries(e.issues.map((i) => [i.path.replace(/^body\./, ''), i.message])));
      setBanner(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <StaffPage current='receptions'>
      {() => (
        <View>
          <View className='staff-title'>{isNew ? '新增接访人' : `接访人：${form?.name ?? ''}`}</View>
          {banner && (
            <View id='host-banner' className='staff-error staff-card'>
              {banner}
            </View>
          )}
          {form && (
            <View>
              <IdentityCard form={form} set={set} errors={errors} centres={centres} departments={meetingDepartments(org, form.centreId)} />
              <WeeklyCard form={form} set={set} errors={errors} />
              <ExceptionsCard form={form} set={set} errors={errors} />
              <RulesCard form={form} set={set} errors={errors} />
              <Button id='save-host' className={`staff-btn primary ${busy ? 'busy' : ''}`} onClick={() => void save()}>
                {busy ? '正在保存…' : '保存'}
              </Button>
              {saved && (
                <View id='host-saved' className='staff-ok staff-field'>
                  已保存。
                </View>
              )}
              {saved && <UpcomingCard upcoming={upcoming} />}
            </View>
          )}
        </View>
      )}
    </StaffPage>
  );
}
