import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { usePages } from '../../../lib/useData';
import type { StaffRole } from '../../../../../shared/schemas/common';
import { EditUser, NewUser } from '../../../../../shared/schemas/org';
import { Chips, Field, FormFoot, PagedList, TextField } from '../../components/Form';
import { errorAt, useDraft } from '../../lib/form';
import { assignableRoles, createUser, editUser, listUsers, placesOf, type OrgView } from '../../lib/org';
import { ROLE_LABELS, type StaffUser } from '../../lib/session';
import { Button } from '../../../components/Button';

interface Draft {
  isNew: boolean;
  username: string;
  name: string;
  role: StaffRole | '';
  scopeNodeId: string;
  departmentId: string;
  password: string;
  active: boolean;
}

/** Staff users with their role and scope: the county adds them, changes their role or scope, and resets passwords. */
export function UsersTab({ org, user }: { org: OrgView; user: StaffUser }) {
  const users = usePages(listUsers, []);
  const { form, draft, setDraft, open: openDraft, save: send } = useDraft<Draft>();
  const [saved, setSaved] = useState('');


  const nodeName = new Map(org.nodes.map((n) => [n.id, n.name]));
  const depName = new Map(org.departments.map((d) => [d.id, d.name]));
  // agents act for a village (or a grid), a village's staff for their village; everyone else for a township's centre or the county's
  const scopes = draft ? placesOf(org, draft.role === 'agent' ? ['village', 'grid'] : draft.role === 'village_staff' ? ['village'] : ['county', 'township']) : [];
  const departments = draft ? org.departments.filter((d) => !draft.scopeNodeId || d.centreId === draft.scopeNodeId) : [];

  const open = (d: Draft) => {
    setSaved('');
    openDraft(d);
  };
  const save = async () => {
    if (!draft) return;
    const common = {
      name: draft.name,
      role: draft.role || undefined,
      scopeNodeId: draft.scopeNodeId || undefined,
      ...(draft.role === 'handler' && draft.departmentId ? { departmentId: draft.departmentId } : {}),
      ...(draft.password ? { password: draft.password } : {}),
    };
    const after = (out: { name: string; username: string }) => {
      setSaved(`已保存：${out.name}（${out.username}）`);
      return users.reload();
    };
    if (draft.isNew) await send(NewUser, { ...common, username: draft.username.trim() }, createUser, after);
    else await send(EditUser, { ...common, active: draft.active }, (b) => editUser(draft.username, b), after);
  };

  const e = form.errors;
  return (
    <View>
      <Button id='user-new' className='staff-btn' onClick={() => open({ isNew: true, username: '', name: '', role: '', scopeNodeId: '', departmentId: '', password: '', active: true })}>
        新建工作人员
      </Button>
      {saved ? (
        <View id='user-saved' className='staff-ok staff-field'>
          {saved}
        </View>
      ) : null}
      {draft ? (
        <View id='user-form' className='staff-card'>
          <View className='staff-title'>{draft.isNew ? '新建工作人员' : `修改 ${draft.username}`}</View>
          {draft.isNew ? (
            <TextField id='user-username' label='用户名（登录用）' hint='3 到 32 位小写字母、数字或 _ . -' value={draft.username} onInput={(v) => setDraft({ ...draft, username: v })} error={errorAt(e, 'username')} />
          ) : null}
          <TextField id='user-name' label='姓名' value={draft.name} onInput={(v) => setDraft({ ...draft, name: v })} error={errorAt(e, 'name')} />
          <Field id='user-role' label='角色' error={errorAt(e, 'role')}>
            <Chips
              idPrefix='user-role'
              options={assignableRoles(user.role).map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
              selected={draft.role ? [draft.role] : []}
              onToggle={(v) => setDraft({ ...draft, role: v, scopeNodeId: '', departmentId: '' })}
            />
          </Field>
          <Field id='user-scope' label='管辖范围' error={errorAt(e, 'scopeNodeId')} hint={draft.role ? undefined : '请先选择角色'}>
            <Chips
              idPrefix='user-scope'
              options={scopes.map((n) => ({ value: n.id, label: n.label }))}
              selected={[draft.scopeNodeId]}
              onToggle={(v) => setDraft({ ...draft, scopeNodeId: v, departmentId: '' })}
            />
          </Field>
          {draft.role === 'handler' ? (
            <Field id='user-department' label='所属部门' error={errorAt(e, 'departmentId')}>
              <Chips idPrefix='user-department' options={departments.map((d) => ({ value: d.id, label: d.name }))} selected={[draft.departmentId]} onToggle={(v) => setDraft({ ...draft, departmentId: v })} />
            </Field>
          ) : null}
          <TextField
            id='user-password'
            label={draft.isNew ? '初始密码' : '重设密码'}
            hint={draft.isNew ? '至少 8 位' : '留空则不修改'}
            password
            value={draft.password}
            onInput={(v) => setDraft({ ...draft, password: v })}
            error={errorAt(e, 'password')}
          />
          {draft.isNew ? null : (
            <Field id='user-active' label='账号状态' hint='停用后不能登录，已登录的也立即失效'>
              <Chips
                idPrefix='user-active'
                options={[{ value: 'on', label: '启用' }, { value: 'off', label: '停用' }]}
                selected={[draft.active ? 'on' : 'off']}
                onToggle={(v) => setDraft({ ...draft, active: v === 'on' })}
              />
            </Field>
          )}
          <FormFoot id='user-save' busy={form.busy} message={form.message} onSave={() => void save()} onCancel={() => setDraft(null)} />
        </View>
      ) : null}
      <PagedList
        id='users' listId='user-list'
        list={users}
        emptyText='还没有工作人员'
        row={(u) => (
          <View key={u.username} id={`user-${u.username}`} className='staff-list-row'>
            <View className='staff-row-main'>
              <Text className='staff-row-name'>{u.name}</Text>
              <Text className='staff-muted'> · {u.username}</Text>
              <View className='staff-muted'>
                {ROLE_LABELS[u.role]} · {nodeName.get(u.scopeNodeId) ?? u.scopeNodeId}
                {u.departmentId ? ` · ${depName.get(u.departmentId) ?? u.departmentId}` : ''}
                {u.active === false ? ' · 已停用' : ''}
              </View>
            </View>
            <Button
              id={`user-edit-${u.username}`}
              className='staff-btn'
              onClick={() =>
                open({ isNew: false, username: u.username, name: u.name, role: u.role, scopeNodeId: u.scopeNodeId, departmentId: u.departmentId ?? '', password: '', active: u.active !== false })
              }
            >
              修改
            </Button>
          </View>
        )}
      />
    </View>
  );
}
