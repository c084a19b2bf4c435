import { View } from '@tarojs/components';
import { levelNamesOf } from '../../../../../shared/countySettings';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import * as z from 'zod/mini';
import { Post } from '../../../../../shared/schemas/org';
import { messageOf } from '../../../lib/request';
import { Chips, Field, FormFoot, ListState, TextField } from '../../components/Form';
import { StaffPage } from '../../components/StaffPage';
import { errorAt, newId, numberOrUndefined, useSubmit } from '../../lib/form';
import { getPost, loadOrg, placesOf, savePost, type OrgView } from '../../lib/org';
import { staffUrl } from '../../routes';
import { Button } from '../../../components/Button';

const PostForm = z.omit(Post, { id: true });

/** Creates a post (no `id`) or edits one: its name, where it stands, its address and map point, what it accepts. */
export default function PostEditPage() {
  const { params } = useRouter();
  // a new post keeps its id once saved, so a second save edits it
  const [editing, setEditing] = useState(params.id ?? '');
  const [org, setOrg] = useState<OrgView | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState('');
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [lat, setLat] = useState('');
  const [lng, setLng] = useState('');
  const [nodeId, setNodeId] = useState('');
  const [categoryIds, setCategoryIds] = useState<string[]>([]);
  const [saved, setSaved] = useState('');
  const form = useSubmit();

  const load = async () => {
    setLoading(true);
    setLoadError('');
    try {
      const [o, existing] = await Promise.all([loadOrg(), editing ? getPost(editing) : Promise.resolve(null)]);
      setOrg(o);
      if (existing) {
        const p = existing.post;
        setName(p.name);
        setAddress(p.address);
        setLat(String(p.location.lat));
        setLng(String(p.location.lng));
        setNodeId(p.nodeId);
        setCategoryIds(p.categoryIds);
      }
    } catch (e) {
      setLoadError(messageOf(e));
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => void load(), []);

  // villages and grids of the township the list was showing, else of the whole scope
  const places = org ? placesOf(org, ['village', 'grid']).filter((n) => !params.township || params.id || n.path.split('/').includes(params.township)) : [];

  const hereNow = async () => {
    try {
      const at = await Taro.getLocation({ type: 'gcj02' });
      setLat(at.latitude.toFixed(6));
      setLng(at.longitude.toFixed(6));
    } catch {
      void Taro.showToast({ title: '无法获取位置，请手动填写', icon: 'none' });
    }
  };

  const save = async () => {
    setSaved('');
    const id = editing || newId('p');
    const value = { name, address, location: { lat: numberOrUndefined(lat), lng: numberOrUndefined(lng) }, nodeId: nodeId || undefined, categoryIds };
    const out = await form.submit(PostForm, value, (body) => savePost(id, body));
    if (!out) return;
    setSaved(out.name);
    setEditing(out.id);
  };

  const back = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.redirectTo({ url: staffUrl('posts', { township: params.township }) });
  };

  const e = form.errors;
  return (
    <StaffPage current='posts'>
      {() => (
        <View>
          <View className='staff-title'>{editing ? '编辑岗点' : '新建岗点'}</View>
          <ListState id='post-form' loading={loading} error={loadError} empty={false} emptyText='' onRetry={() => void load()} />
          {!loading && !loadError && org ? (
            <View className='staff-card'>
              <TextField id='post-name' label='岗点名称' value={name} onInput={setName} error={errorAt(e, 'name')} placeholder='如：白杨沟村党群服务中心岗' />
              <Field id='post-node' label={`所在${levelNamesOf(org?.nodes ?? []).village}或网格`} error={errorAt(e, 'nodeId')}>
                <Chips idPrefix='node' options={places.map((n) => ({ value: n.id, label: n.label }))} selected={[nodeId]} onToggle={setNodeId} />
              </Field>
              <TextField id='post-address' label='地址' value={address} onInput={setAddress} error={errorAt(e, 'address')} placeholder='张贴二维码的位置，如：村委会门口' />
              <View className='staff-pair'>
                <TextField id='post-lat' label='纬度' digit value={lat} onInput={setLat} error={errorAt(e, 'location.lat')} placeholder='如 38.18' />
                <TextField id='post-lng' label='经度' digit value={lng} onInput={setLng} error={errorAt(e, 'location.lng')} placeholder='如 100.245' />
              </View>
              <Button id='post-here' className='staff-btn' onClick={() => void hereNow()}>
                使用当前位置
              </Button>
              <Field id='post-categories' label='受理的诉求类型' hint='不选则受理全部类型' error={errorAt(e, 'categoryIds')}>
                <Chips
                  idPrefix='category'
                  options={org.categories.map((c) => ({ value: c.id, label: c.name }))}
                  selected={categoryIds}
                  onToggle={(id) => setCategoryIds((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]))}
                />
              </Field>
              {saved ? (
                <View id='post-saved' className='staff-ok staff-field'>
                  已保存：{saved}
                </View>
              ) : null}
              <FormFoot id='post-save' busy={form.busy} message={form.message} onSave={() => void save()} />
              {editing ? (
                <Button id='post-poster' className='staff-btn' onClick={() => void Taro.navigateTo({ url: staffUrl('posters', { ids: editing }) })}>
                  查看二维码海报
                </Button>
              ) : null}
              <Button id='post-back' className='staff-btn' onClick={back}>
                返回岗点列表
              </Button>
            </View>
          ) : null}
        </View>
      )}
    </StaffPage>
  );
}
