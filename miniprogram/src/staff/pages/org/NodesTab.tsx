import { Text, View } from '@tarojs/components';
import { NODE_PARENT_KIND, NodeBody, type OrgNode } from '../../../../../shared/schemas/org';
import { Chips, Field, FormFoot, TextField } from '../../components/Form';
import { errorAt, newId, useDraft } from '../../lib/form';
import { nodeKindLabels, placesOf, saveNode, type OrgView } from '../../lib/org';
import { Button } from '../../../components/Button';

type Kind = NodeBody['kind'];
interface Draft {
  id?: string;
  kind: Kind;
  parentId: string;
  name: string;
  centreName: string;
}

const isPlace = (n: OrgNode): n is OrgNode & { kind: Kind } => n.kind !== 'county';

/** Townships, villages and grids as a tree; a new one is placed under its parent, an existing one only renamed. */
export function NodesTab({ org, onSaved }: { org: OrgView; onSaved: () => Promise<void> }) {
  const { form, draft, setDraft, open, save: send } = useDraft<Draft>();
  const tree = placesOf(org, ['township', 'village', 'grid']);
  const NODE_KIND_LABELS = nodeKindLabels(org.nodes);
  const depth = (n: OrgNode) => (n.kind === 'township' ? 0 : n.kind === 'village' ? 1 : 2);

  const save = async () => {
    if (!draft) return;
    const body = { kind: draft.kind, parentId: draft.parentId || undefined, name: draft.name, ...(draft.kind === 'township' && draft.centreName.trim() ? { centreName: draft.centreName } : {}) };
    await send(NodeBody, body, (b) => saveNode(draft.id ?? newId(draft.kind[0] ?? 'n'), b), onSaved);
  };

  const parents = draft ? placesOf(org, [NODE_PARENT_KIND[draft.kind]]) : [];
  const e = form.errors;
  return (
    <View>
      <View className='staff-toolbar'>
        {(['township', 'village', 'grid'] as const).map((k) => (
          <Button key={k} id={`node-new-${k}`} className='staff-btn' onClick={() => open({ kind: k, parentId: k === 'township' ? org.scope.id : '', name: '', centreName: '' })}>
            新建{NODE_KIND_LABELS[k]}
          </Button>
        ))}
      </View>
      {draft ? (
        <View id='node-form' className='staff-card'>
          <View className='staff-title'>{draft.id ? `修改${NODE_KIND_LABELS[draft.kind]}` : `新建${NODE_KIND_LABELS[draft.kind]}`}</View>
          <Field id='node-parent' label='上级单位' error={errorAt(e, 'parentId')} hint={draft.id ? '建立后不能改变上级' : undefined}>
            <Chips idPrefix='node-parent' options={parents.map((p) => ({ value: p.id, label: p.label }))} selected={[draft.parentId]} disabled={!!draft.id} onToggle={(v) => setDraft({ ...draft, parentId: v })} />
          </Field>
          <TextField id='node-name' label='名称' value={draft.name} onInput={(v) => setDraft({ ...draft, name: v })} error={errorAt(e, 'name')} />
          {draft.kind === 'township' ? (
            <TextField id='node-centre' label='综治中心名称' hint='不填则为“名称 + 综治中心”' value={draft.centreName} onInput={(v) => setDraft({ ...draft, centreName: v })} error={errorAt(e, 'centreName')} />
          ) : null}
          {errorAt(e, 'kind') ? <Text className='staff-error'>{errorAt(e, 'kind')}</Text> : null}
          <FormFoot id='node-save' busy={form.busy} message={form.message} onSave={() => void save()} onCancel={() => setDraft(null)} />
        </View>
      ) : null}
      <View id='node-list' className='staff-card'>
        {tree.length ? null : <Text className='staff-muted'>还没有{NODE_KIND_LABELS.township}</Text>}
        {tree.map((n) => (
          <View key={n.id} id={`node-${n.id}`} className={`staff-list-row staff-indent-${depth(n)}`}>
            <View className='staff-row-main'>
              <Text className='staff-badge'>{NODE_KIND_LABELS[n.kind]}</Text>
              <Text className='staff-row-name'>{n.name}</Text>
              {n.centreName ? <Text className='staff-muted'> · {n.centreName}</Text> : null}
            </View>
            {isPlace(n) ? (
              <Button
                id={`node-edit-${n.id}`}
                className='staff-btn'
                onClick={() => open({ id: n.id, kind: n.kind, parentId: n.parentId ?? '', name: n.name, centreName: n.centreName ?? '' })}
              >
                修改
              </Button>
            ) : null}
          </View>
        ))}
      </View>
    </View>
  );
}
