import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '../../components/Button';
import { Choices, ErrorText, TextField } from '../../components/Field';
import { useState } from 'react';
import type { StepKey } from '../../../../shared/labels';
import { RatingBody } from '../../../../shared/steps';
import { RATINGS, type Rating } from '../../../../shared/schemas/common';
import { Page } from '../../components/Page';
import { PlayButton } from '../../components/PlayButton';
import { record, type PetitionView } from '../../lib/record';
import { formatTime } from '../../lib/format';
import { toast } from '../../lib/prefs';
import { go, home } from '../../lib/nav';
import { messageOf } from '../../lib/request';
import { joinRoom } from '../../lib/room';
import { tracked } from '../../lib/tracked';
import { useData } from '../../lib/useData';
import { stepsOf, type StepState } from '../../lib/steps';
import { fill, words } from '../../i18n';
import { labels } from '../../i18n/labels';

const w = words.detail;
/** a step's state; one in trouble says what (declined at accept, dissatisfied at rate, otherwise past its deadline) */
const stateLabel = (key: StepKey, state: StepState) => (state === 'problem' ? w.problem[key] : w.state[state]);

export default function Detail() {
  const router = useRouter();
  const [rating, setRating] = useState<Rating | null>(null);
  const [comment, setComment] = useState('');
  const [ratingError, setRatingError] = useState('');
  const [sending, setSending] = useState(false);
  const { id, code } = router.params;
  const byTracking = !id && !!code;

  // the query secret is never stored: without it there is nothing to read
  const missing = id ? '' : !code ? w.noId : tracked.secretFor(code) ? '' : w.secretNotKept;
  const petition = useData(
    (): Promise<PetitionView | null> => {
      const secret = code ? tracked.secretFor(code) : undefined;
      if (id) return record.petition(id);
      return code && secret ? record.track(code, secret) : Promise.resolve(null);
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
      setRatingError(parsed.error.issues[0]?.message ?? w.chooseRating);
      return;
    }
    setSending(true);
    setRatingError('');
    try {
      petition.set(await record.rate(p.id, parsed.data));
      toast(w.thanks);
    } catch (e) {
      setRatingError(messageOf(e));
    } finally {
      setSending(false);
    }
  }

  if (!p) {
    if (!error) return <Page><View className='small'>{words.common.loading}</View></Page>;
    return (
      <Page>
        <View className='banner error' id='detail-error'>
          {error}
        </View>
        {!missing && (
          <Button className='btn primary' id='detail-retry' onClick={() => void petition.reload()}>
            {words.common.retry}
          </Button>
        )}
        {byTracking && (
          <Button className='btn primary' id='track-again' onClick={() => go('track', { code })}>
            {w.retypeSecret}
          </Button>
        )}
        <Button className='btn' id='detail-home' onClick={home}>
          {words.common.home}
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
          <Text className='label'>{p.categoryName ?? words.common.petition}</Text>
          <View>
            <Text className='tag status' id='status'>
              {labels.status[p.status]}
            </Text>
            {p.overdue && (
              <Text className='tag overdue' id='overdue'>
                {words.common.overdue}
              </Text>
            )}
          </View>
        </View>
        <View className='small'>{fill(words.common.trackingCodeIs, { code: p.trackingCode })}</View>
        <View className='small'>{p.departmentName ? fill(w.unit, { centre: p.centreName, department: p.departmentName }) : p.centreName}</View>
        <View style={{ marginTop: '12px' }}>{p.description}</View>
        {p.audio && (
          <View className='row' id='my-voice'>
            <Text>{fill(w.myVoice, { n: Math.round(p.audio.seconds) })}</Text>
            <PlayButton id='play-my-voice' src={p.audio.url} />
          </View>
        )}
        {p.photoUrls.length > 0 && (
          <View className='photos' id='my-photos'>
            {p.photoUrls.map((url, i) => (
              <Button key={url} id={`my-photo-${i}`} className='photo-open' label={fill(w.openPhoto, { n: i + 1 })} onClick={() => void Taro.previewImage({ current: url, urls: p.photoUrls })}>
                <Image className='photo' src={url} mode='aspectFill' nativeProps={{ alt: '' }} />
              </Button>
            ))}
          </View>
        )}
        {p.overdue && <View className='banner error'>{w.overdueNote}</View>}
      </View>

      {reopenedByRating && (
        <View className='banner' id='reopened'>
          {fill(w.reopened, { centre: p.centreName ?? w.centre })}
        </View>
      )}
      {p.decline && (
        <View className='banner error'>
          <View>{fill(w.declined, { reason: p.decline.reason })}</View>
          <View>{fill(w.redirect, { redirect: p.decline.redirect })}</View>
        </View>
      )}
      {p.meetings?.map((m) => (
        <View className='card' key={m.id} id={`meeting-${m.id}`}>
          <Text className='label'>{w.meeting}</Text>
          <View>{fill(w.meetingWhen, { start: formatTime(m.start), end: formatTime(m.end).slice(-5) })}</View>
          <View>{fill(w.meetingHosts, { hosts: m.hosts.map((h) => `${h.name}（${h.departmentName}）`).join('、') })}</View>
          <Button className='btn primary' id={`meeting-join-${m.id}`} onClick={() => void joinRoom(m.roomUrl).then((how) => (how === 'copied' ? toast(w.meetingLinkCopied) : undefined))}>
            {w.meetingJoin}
          </Button>
        </View>
      ))}
      {p.resolution && (
        <View className='card'>
          <Text className='label'>{w.resolution}</Text>
          <View>{p.resolution}</View>
        </View>
      )}

      <View className='card steps' id='timeline'>
        {steps.map((s, i) => (
          <View key={s.key} className={`step ${s.state}`} id={`step-${s.key}`}>
            <View className='step-dot'>{s.state === 'done' ? w.done : i + 1}</View>
            <View className='step-body'>
              <View>
                <Text className='step-name'>{s.label}</Text>
                <Text className='step-state'>{stateLabel(s.key, s.state)}</Text>
              </View>
              {s.at && <View className='small'>{formatTime(s.at)}</View>}
              {s.dueAt && <View className='small'>{fill(w.due, { time: formatTime(s.dueAt) })}</View>}
              {s.notes.map((n) => (
                <View key={`${n.at}-${n.action}`} className='note'>
                  <Text>{labels.action[n.action]}</Text>
                  {n.by && <Text className='small'>{fill(w.by, { name: n.by })}</Text>}
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
          {p.rating.comment ? fill(w.myRatingWithComment, { rating: labels.rating[p.rating.rating], comment: p.rating.comment }) : fill(w.myRating, { rating: labels.rating[p.rating.rating] })}
        </View>
      )}

      {p.status === 'resolved' && !byTracking && (
        <View className='card' id='rating'>
          <Choices
            id='rate'
            label={w.howWasIt}
            options={RATINGS.map((r) => ({ value: r, label: labels.rating[r] }))}
            selected={rating ? [rating] : []}
            onToggle={(r) => setRating(r)}
          />
          <TextField
            id='rating-comment'
            label={w.comment}
            multiline
            value={comment}
            maxLength={500}
            placeholder={w.commentHint}
            onInput={setComment}
          />
          {rating === 'dissatisfied' && <View className='small'>{w.dissatisfiedNote}</View>}
          {ratingError && <ErrorText>{ratingError}</ErrorText>}
          <Button className='btn primary' id='send-rating' disabled={sending} onClick={rate}>
            {w.sendRating}
          </Button>
        </View>
      )}
    </Page>
  );
}
