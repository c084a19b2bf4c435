import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '../../components/Button';
import { Choices, ErrorText, TextField } from '../../components/Field';
import { useState } from 'react';
import { ACTION_LABELS, RATING_LABELS, STATUS_LABELS, type StepKey } from '../../../../shared/labels';
import { RatingBody } from '../../../../shared/schemas/api';
import { RATINGS, type Rating } from '../../../../shared/schemas/common';
import { Page } from '../../components/Page';
import { PlayButton } from '../../components/PlayButton';
import { api, type PetitionView } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { toast } from '../../lib/prefs';
import { go, home } from '../../lib/nav';
import { messageOf } from '../../lib/request';
import { tracked } from '../../lib/tracked';
import { useData } from '../../lib/useData';
import { stepsOf, type StepState } from '../../lib/steps';

const STATE_LABELS: Record<StepState, string> = { done: '已完成', current: '进行中', pending: '未开始', problem: '' };
/** What a step in trouble says: declined at accept, dissatisfied at rate, otherwise past its deadline. */
const PROBLEM_LABELS: Record<StepKey, string> = {
  report: '已超期',
  accept: '不予受理',
  dispatch: '已超期',
  handle: '已超期',
  supervise: '已超期，督办中',
  rate: '不满意，已重新办理',
};

export default function Detail() {
  const router = useRouter();
  const [rating, setRating] = useState<Rating | null>(null);
  const [comment, setComment] = useState('');
  const [ratingError, setRatingError] = useState('');
  const [sending, setSending] = useState(false);
  const { id, code } = router.params;
  const byTracking = !id && !!code;

  // the query secret is never stored: without it there is nothing to read
  const missing = id ? '' : !code ? '缺少反映编号' : tracked.secretFor(code) ? '' : '为保护您的隐私，查询密码不会保存在手机上。请重新输入查询密码。';
  const petition = useData(
    (): Promise<PetitionView | null> => {
      const secret = code ? tracked.secretFor(code) : undefined;
      if (id) return api.petition(id);
      return code && secret ? api.track(code, secret) : Promise.resolve(null);
    },
    [],
    { onShow: true },
  );
  const p = petition.data;
  const error = missing || petition.error;

  async function rate() {
    if (!p) return;
    const parsed = RatingBody.safeParse({ rating: rating ?? undefined, comment: comment.trim() || undefined });
    if (!parsed.success) {
      setRatingError(parsed.error.issues[0]?.message ?? '请选择评价');
      return;
    }
    setSending(true);
    setRatingError('');
    try {
      petition.set(await api.rate(p.id, parsed.data));
      toast('感谢您的评价');
    } catch (e) {
      setRatingError(messageOf(e));
    } finally {
      setSending(false);
    }
  }

  if (!p) {
    if (!error) return <Page><View className='small'>正在加载…</View></Page>;
    return (
      <Page>
        <View className='banner error' id='detail-error'>
          {error}
        </View>
        {!missing && (
          <Button className='btn primary' id='detail-retry' onClick={() => void petition.reload()}>
            再试一次
          </Button>
        )}
        {byTracking && (
          <Button className='btn primary' id='track-again' onClick={() => go('track', { code })}>
            重新输入查询密码
          </Button>
        )}
        <Button className='btn' id='detail-home' onClick={home}>
          回到首页
        </Button>
      </Page>
    );
  }

  const steps = stepsOf(p);
  const reopenedByRating = p.status === 'reopened' && p.rating?.rating === 'dissatisfied';

  return (
    <Page>
      <View className='card'>
        <View className='row'>
          <Text className='label'>{p.categoryName ?? '反映'}</Text>
          <View>
            <Text className='tag status' id='status'>
              {STATUS_LABELS[p.status]}
            </Text>
            {p.overdue && (
              <Text className='tag overdue' id='overdue'>
                已超期
              </Text>
            )}
          </View>
        </View>
        <View className='small'>跟踪码 {p.trackingCode}</View>
        <View className='small'>
          {p.centreName}
          {p.departmentName ? ` · ${p.departmentName}` : ''}
        </View>
        <View style={{ marginTop: '12px' }}>{p.description}</View>
        {p.audio && (
          <View className='row' id='my-voice'>
            <Text>我的语音 {Math.round(p.audio.seconds)} 秒</Text>
            <PlayButton id='play-my-voice' src={p.audio.url} />
          </View>
        )}
        {p.photoUrls.length > 0 && (
          <View className='photos' id='my-photos'>
            {p.photoUrls.map((url, i) => (
              <Button key={url} id={`my-photo-${i}`} className='photo-open' label={`查看第 ${i + 1} 张照片`} onClick={() => void Taro.previewImage({ current: url, urls: p.photoUrls })}>
                <Image className='photo' src={url} mode='aspectFill' nativeProps={{ alt: '' }} />
              </Button>
            ))}
          </View>
        )}
        {p.overdue && <View className='banner error'>这件事已超过办理时限，正在督促办理。</View>}
      </View>

      {reopenedByRating && (
        <View className='banner' id='reopened'>
          您的评价是“不满意”，这件事已重新办理，由{p.centreName ?? '综治中心'}复核。复核结果会在这里显示。
        </View>
      )}
      {p.decline && (
        <View className='banner error'>
          <View>不予受理：{p.decline.reason}</View>
          <View>建议您：{p.decline.redirect}</View>
        </View>
      )}
      {p.resolution && (
        <View className='card'>
          <Text className='label'>办理结果</Text>
          <View>{p.resolution}</View>
        </View>
      )}

      <View className='card steps' id='timeline'>
        {steps.map((s, i) => (
          <View key={s.key} className={`step ${s.state}`} id={`step-${s.key}`}>
            <View className='step-dot'>{s.state === 'done' ? '✓' : i + 1}</View>
            <View className='step-body'>
              <View>
                <Text className='step-name'>{s.label}</Text>
                <Text className='step-state'>
                  {s.state === 'problem' ? PROBLEM_LABELS[s.key] : STATE_LABELS[s.state]}
                </Text>
              </View>
              {s.at && <View className='small'>{formatTime(s.at)}</View>}
              {s.dueAt && <View className='small'>截止：{formatTime(s.dueAt)}</View>}
              {s.notes.map((n) => (
                <View key={`${n.at}-${n.action}`} className='note'>
                  <Text>{ACTION_LABELS[n.action]}</Text>
                  {n.by && <Text className='small'>（{n.by}）</Text>}
                  {n.note && <View>{n.note}</View>}
                  <View className='small'>{formatTime(n.at)}</View>
                </View>
              ))}
            </View>
          </View>
        ))}
      </View>

      {p.rating && (
        <View className='card' id='my-rating'>
          您的评价：{RATING_LABELS[p.rating.rating]}
          {p.rating.comment ? `（${p.rating.comment}）` : ''}
        </View>
      )}

      {p.status === 'resolved' && !byTracking && (
        <View className='card' id='rating'>
          <Choices
            id='rate'
            label='这件事办得怎么样？'
            options={RATINGS.map((r) => ({ value: r, label: RATING_LABELS[r] }))}
            selected={rating ? [rating] : []}
            onToggle={(r) => setRating(r)}
          />
          <TextField
            id='rating-comment'
            label='说说您的看法（可选）'
            multiline
            value={comment}
            maxLength={500}
            placeholder='哪里办得好，哪里还不满意'
            onInput={setComment}
          />
          {rating === 'dissatisfied' && <View className='small'>选择“不满意”后，这件事会重新办理并由综治中心复核。</View>}
          {ratingError && <ErrorText>{ratingError}</ErrorText>}
          <Button className='btn primary' id='send-rating' disabled={sending} onClick={rate}>
            提交评价
          </Button>
        </View>
      )}
    </Page>
  );
}
