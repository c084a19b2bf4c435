import { Text, View } from '@tarojs/components';
import { levelNamesOf } from '../../../../../shared/countySettings';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { usePages } from '../../../lib/useData';
import { Chips, PagedList } from '../../components/Form';
import { StaffPage } from '../../components/StaffPage';
import { listPosts, loadOrg, placesOf, type OrgView } from '../../lib/org';
import { staffUrl } from '../../routes';
import { Button } from '../../../components/Button';

/**
 * The posts (岗点) of the caller's scope, one township at a time: create, edit, and select several to print their
 * QR posters at once.
 */
export default function PostsPage() {
  const { params } = useRouter();
  const [org, setOrg] = useState<OrgView | null>(null);
  const [township, setTownship] = useState(params.township ?? '');
  const [selected, setSelected] = useState<string[]>([]);

  const townships = org ? placesOf(org, ['township']) : [];
  const nodeName = new Map((org?.nodes ?? []).map((n) => [n.id, n.name]));
  const categoryName = new Map((org?.categories ?? []).map((c) => [c.id, c.name]));

  // coming back from the edit page shows what was saved
  const posts = usePages(
    async (cursor) => {
      const o = org ?? (await loadOrg());
      setOrg(o);
      const ts = placesOf(o, ['township']);
      const t = ts.some((x) => x.id === township) ? township : (ts[0]?.id ?? '');
      // the first township of the scope: its change reads it
      if (t !== township) setTownship(t);
      return t && t === township ? listPosts(t, cursor) : { items: [] };
    },
    [township],
    { onShow: true },
  );
  // selection is per township
  useEffect(() => setSelected([]), [township]);

  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const printSelected = () => {
    if (selected.length) void Taro.navigateTo({ url: staffUrl('posters', { ids: selected.join(',') }) });
  };

  return (
    <StaffPage current='posts' wide>
      {() => (
        <View>
          <View className='staff-title'>岗点与二维码海报</View>
          {townships.length > 1 ? (
            <Chips idPrefix='township' options={townships.map((t) => ({ value: t.id, label: t.name }))} selected={[township]} onToggle={setTownship} />
          ) : null}
          <View className='staff-toolbar'>
            <Button id='post-new' className='staff-btn primary' onClick={() => void Taro.navigateTo({ url: staffUrl('postEdit', { township }) })}>
              新建岗点
            </Button>
            <Button id='posts-select-all' className='staff-btn' onClick={() => setSelected(selected.length === posts.items.length ? [] : posts.items.map((p) => p.id))}>
              {selected.length === posts.items.length && posts.items.length ? '取消全选' : '全选'}
            </Button>
            <Button id='posts-print' className={`staff-btn ${selected.length ? 'primary' : ''}`} onClick={printSelected}>
              打印选中岗点的海报（{selected.length}）
            </Button>
          </View>
          <PagedList
            id='posts'
            list={posts}
            emptyText={`这个${levelNamesOf(org?.nodes ?? []).township}还没有岗点，点“新建岗点”添加。`}
            row={(p) => (
              <View key={p.id} id={`post-${p.id}`} className='staff-list-row'>
                <Button id={`select-${p.id}`} className='staff-check' pressed={selected.includes(p.id)} label={`选中 ${p.name}`} onClick={() => toggle(p.id)}>
                  {selected.includes(p.id) ? '☑' : '☐'}
                </Button>
                <View className='staff-row-main'>
                  <View className='staff-row-name'>{p.name}</View>
                  <View className='staff-muted'>
                    {nodeName.get(p.nodeId) ?? p.nodeId} · {p.address}
                  </View>
                  <View className='staff-muted'>
                    受理：{p.categoryIds.length ? p.categoryIds.map((id) => categoryName.get(id) ?? id).join('、') : '全部类型'}
                  </View>
                </View>
                <Button id={`edit-${p.id}`} className='staff-btn' onClick={() => void Taro.navigateTo({ url: staffUrl('postEdit', { id: p.id, township }) })}>
                  编辑
                </Button>
                <Button id={`poster-${p.id}`} className='staff-btn' onClick={() => void Taro.navigateTo({ url: staffUrl('posters', { ids: p.id }) })}>
                  海报
                </Button>
              </View>
            )}
          />
        </View>
      )}
    </StaffPage>
  );
}
