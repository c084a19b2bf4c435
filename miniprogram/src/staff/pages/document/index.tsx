import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '../../../components/Button';
import { isWeapp } from '../../../lib/request';
import { useData } from '../../../lib/useData';
import { formatTime } from '../../../lib/format';
import { ListState } from '../../components/Form';
import { StaffPage } from '../../components/StaffPage';
import { api } from '../../lib/api';
// the print rules, in the browser only: one A4 sheet, without the menu
import '../posters/print';

/**
 * A case document (交办单, 调解协议书, 责任承诺书, 办结反馈表, 工作提示函, 化解成效考评表) as one A4 page: the text the
 * record kept when it was issued, its number, to whom it goes, and blank lines to sign and stamp. Opened from the case
 * file's 文书; whoever sees the case may print it (the case file's own scope: 404 otherwise).
 */
export default function DocumentPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const seq = Number(params.seq);
  const read = useData(() => api.staff.petition(id), [id]);
  const doc = read.data?.documents.find((d) => d.eventSeq === seq);
  const print = () => {
    if (isWeapp()) void Taro.showModal({ title: '请在电脑上打印', content: '在电脑浏览器中登录工作台，打开该诉求的文书后打印。', showCancel: false });
    else window.print();
  };
  return (
    <StaffPage current='queue' gate='document' wide>
      {() => (
        <View>
          <View className='no-print'>
            <View className='staff-title'>{doc?.title ?? '文书'}</View>
            <View className='staff-muted staff-field'>一张 A4 纸；打印时只打印文书，不打印菜单。也可在打印对话框中选择“另存为 PDF”。</View>
            <Button id='document-print' className='staff-btn primary' onClick={print}>
              打印
            </Button>
            <ListState id='document' loading={read.loading} error={read.error} empty={!!read.data && !doc} emptyText='该文书不存在' onRetry={() => void read.reload()} />
          </View>
          {doc ? (
            <View id='document-sheet' className='docsheet' data-kind={doc.kind} data-seq={doc.seq}>
              <View className='docsheet-title'>
                {doc.centreName}
                {doc.title}
              </View>
              <View id='document-number' className='docsheet-number'>
                {doc.number}
              </View>
              {doc.addressee ? <View className='docsheet-to'>{doc.addressee}：</View> : null}
              <View className='docsheet-rows'>
                {doc.rows.map((r, i) => (
                  <View key={`${r.label}-${i}`} className='docsheet-row'>
                    <Text className='docsheet-label'>{r.label}</Text>
                    <Text className='docsheet-value'>{r.value}</Text>
                  </View>
                ))}
              </View>
              {doc.paragraphs.map((x, i) => (
                <View key={i} className='docsheet-para'>
                  {x.heading ? <Text className='docsheet-heading'>{x.heading}：</Text> : null}
                  <Text>{x.text}</Text>
                </View>
              ))}
              <View className='docsheet-signs'>
                {doc.signatures.map((s) => (
                  <View key={s} className='docsheet-sign'>
                    {s}
                  </View>
                ))}
              </View>
              <View className='docsheet-foot'>
                出具：{doc.issuedBy} · {formatTime(doc.issuedAt)}
              </View>
            </View>
          ) : null}
        </View>
      )}
    </StaffPage>
  );
}
