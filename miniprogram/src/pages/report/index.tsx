import { View } from '@tarojs/components';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { DEFAULT_LEVEL_NAMES } from '../../../../shared/countySettings';
import { SubmitPetitionBody } from '../../../../shared/schemas/api';
import type { LevelNames } from '../../../../shared/schemas/org';
import { PHOTOS_MAX } from '../../../../shared/schemas/report';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { askForUpdates } from '../../lib/subscribe';
import { api, PhotosUnavailable, uploadPhoto, type PostInfo, type Township } from '../../lib/api';
import { postIdFromLaunch } from '../../lib/code';
import { prefetchedPost } from '../../lib/prefetch';
import { targetOf, type DraftForm } from '../../lib/draft';
import { drafts, LAST_RESULT_KEY } from '../../lib/drafts';
import { currentLocation, LocationError, needsPrivacyConsent } from '../../lib/location';
import { showFirstError } from '../../lib/focus';
import { replace } from '../../lib/nav';
import { toast } from '../../lib/prefs';
import { ApiError, isWeapp, messageOf } from '../../lib/request';
import { storage } from '../../lib/storage';
import { VoiceSection } from './voice';
import { fill, words } from '../../i18n';
import { CategorySection, DescriptionSection, LocationSection, PhotosSection, PrivacyDialog, SignatureSection, WhereSection, type LocalPhoto } from './sections';

type Field = 'townshipId' | 'categoryId' | 'description' | 'audio' | 'photos' | 'location' | 'phone';
type Errors = Partial<Record<Field | 'form', string>>;
/** Each field's element id, in the form's order: a refused send shows the first one with an error. */
const FIELD_IDS: Record<Field, string> = {
  townshipId: 'townships',
  categoryId: 'categories',
  description: 'description',
  audio: 'voice',
  photos: 'add-photo',
  location: 'add-location',
  phone: 'phone',
};
const firstErrors = (errors: Errors) => (Object.keys(FIELD_IDS) as Field[]).filter((f) => errors[f]).map((f) => FIELD_IDS[f]);

const w = words.report;

const EMPTY: DraftForm = { description: '', photos: [], anonymous: false };

export default function Report() {
  const router = useRouter();
  const [form, setForm] = useState<DraftForm>(EMPTY);
  const [post, setPost] = useState<PostInfo | null>(null);
  const [townships, setTownships] = useState<Township[]>([]);
  const [loadError, setLoadError] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [photos, setPhotos] = useState<LocalPhoto[]>([]);
  const [photoNote, setPhotoNote] = useState('');
  const [uploading, setUploading] = useState(false);
  const [voiceBusy, setVoiceBusy] = useState(false);
  /** a new voice card after the draft is thrown away (it keeps its own recording on the device) */
  const [voiceCard, setVoiceCard] = useState(0);
  const [sending, setSending] = useState(false);
  const [waiting, setWaiting] = useState<string>('');
  const [privacyOpen, setPrivacyOpen] = useState(false);
  const [unknownPost, setUnknownPost] = useState('');
  const [levelNames, setLevelNames] = useState<LevelNames>(DEFAULT_LEVEL_NAMES);
  const sendingRef = useRef(false);
  const lockedRef = useRef(false);
  lockedRef.current = waiting !== '';

  function update(patch: Partial<DraftForm>) {
    // while a send's outcome is unknown the draft is resent exactly as it was: the same key must carry the same body
    if (lockedRef.current) return;
    setForm((prev) => {
      const next = { ...prev, ...patch };
      drafts.saveForm(next);
      return next;
    });
  }

  async function loadPost(postId: string) {
    try {
      const info = (await prefetchedPost(postId)) ?? (await api.post(postId));
      setPost(info);
      setLevelNames(info.levelNames);
      setLoadError('');
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        // a code we do not know: say so, and offer the same form without a post (the citizen picks the township)
        setUnknownPost(postId);
        setForm((prev) => ({ ...prev, postId: undefined }));
        void loadTownships();
        return;
      }
      setLoadError(messageOf(e));
    }
  }

  async function loadTownships() {
    try {
      const answer = await api.townships();
      setTownships(answer.items);
      setLevelNames(answer.levelNames);
      setLoadError('');
    } catch (e) {
      setLoadError(messageOf(e));
    }
  }

  useLoad(() => {
    const params = router.params;
    const fromDraft = params.draft ? drafts.get(decodeURIComponent(params.draft)) : undefined;
    const postId = fromDraft ? fromDraft.form.postId : (postIdFromLaunch(params) ?? undefined);
    const draft = fromDraft ?? drafts.get(targetOf({ postId }));
    const initial: DraftForm = draft ? { ...EMPTY, ...draft.form, postId } : { ...EMPTY, postId };
    setForm(initial);
    setPhotos(initial.photos.map((key) => ({ key, path: '' })));
    if (draft?.waiting) setWaiting(draft.lastError ?? w.lastSendFailed);
    if (postId) void loadPost(postId);
    else void loadTownships();
  });

  const categories = post?.categories ?? townships.find((t) => t.id === form.townshipId)?.categories ?? [];

  // a field's red message goes as soon as what it asks for is there (a server's message waits for the next edit)
  useEffect(() => {
    setErrors((prev) => {
      const shown = (Object.keys(prev) as Array<keyof Errors>).filter((k) => prev[k] && k !== 'form' && k !== 'location');
      if (!shown.length) return prev;
      const parsed = SubmitPetitionBody.safeParse(bodyOf(form));
      const still = new Set(parsed.success ? [] : parsed.error.issues.map((i) => String(i.path[0] ?? 'form')));
      const next = { ...prev };
      for (const k of shown) if (!still.has(k)) delete next[k];
      return shown.every((k) => still.has(k)) ? prev : next;
    });
  }, [form]);

  async function addPhotos() {
    if (photos.length >= PHOTOS_MAX || uploading) return;
    let picked: string[];
    try {
      const res = await Taro.chooseMedia({
        count: PHOTOS_MAX - photos.length,
        mediaType: ['image'],
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
      });
      picked = res.tempFiles.map((f) => f.tempFilePath);
    } catch {
      return; // cancelled
    }
    setUploading(true);
    setPhotoNote('');
    const added: LocalPhoto[] = [];
    try {
      for (const original of picked) {
        // compressed on the device: a herder's signal should not carry a 5 MB photo
        const path = isWeapp() ? (await Taro.compressImage({ src: original, quality: 60 })).tempFilePath : original;
        added.push({ path, key: await uploadPhoto(path) });
      }
    } catch (e) {
      setPhotoNote(e instanceof PhotosUnavailable ? e.message : fill(w.photoFailed, { reason: messageOf(e) }));
    } finally {
      setUploading(false);
    }
    if (added.length) {
      const next = [...photos, ...added].slice(0, PHOTOS_MAX);
      setPhotos(next);
      update({ photos: next.map((p) => p.key) });
    }
  }

  function removePhoto(i: number) {
    const next = photos.filter((_, j) => j !== i);
    setPhotos(next);
    update({ photos: next.map((p) => p.key) });
  }

  async function addLocation() {
    if (await needsPrivacyConsent()) {
      setPrivacyOpen(true);
      return;
    }
    try {
      update({ location: await currentLocation() });
      setErrors((e) => ({ ...e, location: undefined }));
    } catch (err) {
      setErrors((e) => ({ ...e, location: err instanceof LocationError ? err.message : messageOf(err) }));
    }
  }

  function bodyOf(f: DraftForm) {
    return {
      channel: f.postId ? 'scan' : 'online',
      postId: f.postId,
      townshipId: f.postId ? undefined : f.townshipId,
      categoryId: f.categoryId,
      // a recording may stand for the description: then blank words are left out (without one, they are refused)
      description: f.audio && !f.description.trim() ? undefined : f.description,
      audio: f.audio,
      photos: f.photos,
      location: f.location,
      anonymous: f.anonymous,
      phone: f.phone ? f.phone : undefined,
    };
  }

  async function send() {
    if (sendingRef.current) return;
    // right in the tap, before any await: WeChat shows the subscribe dialog only here
    askForUpdates(['progress', 'result']);
    const parsed = SubmitPetitionBody.safeParse(bodyOf(form));
    if (!parsed.success) {
      const next: Errors = {};
      for (const i of parsed.error.issues) {
        const field = String(i.path[0] ?? 'form') as keyof Errors;
        next[field] ??= i.message;
      }
      // without a post or a township the schema's own check of the place never runs (its fields fail first), and its
      // message names no county's level: say it here, in the county's word, on the first field of the form
      if (next.townshipId || (!form.postId && !form.townshipId)) next.townshipId = fill(w.chooseTownship, { township: levelNames.township });
      setErrors(next);
      showFirstError(firstErrors(next));
      toast(w.fixRed);
      return;
    }
    setErrors({});
    sendingRef.current = true;
    setSending(true);
    // the key is made at the first send and kept with the draft: a resend can never make a second petition
    const draft = drafts.beginSend(form);
    try {
      const res = await api.submit(parsed.data, draft.idempotencyKey ?? '');
      drafts.remove(draft.target);
      storage.set(LAST_RESULT_KEY, res);
      replace('result', { id: res.id });
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'network' || e.code === 'http' || e.code === 'internal' || e.code === 'too_many_requests')) {
        // no answer, or no clear one: the petition may exist, so the draft keeps its key and waits
        drafts.markFailed(draft.target, e.message);
        setWaiting(e.message);
        void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
        return;
      }
      if (e instanceof ApiError && (e.code === 'validation' || e.code === 'rejected_content')) {
        // refused outright, nothing was created: the corrected form is a new request with a new key
        drafts.releaseKey(draft.target);
        setWaiting('');
        const refused: Errors = { form: e.code === 'rejected_content' ? undefined : e.message, description: e.code === 'rejected_content' ? e.message : undefined, ...e.fieldMessages() };
        setErrors(refused);
        showFirstError(firstErrors(refused));
      } else {
        setErrors({ form: messageOf(e) });
      }
    } finally {
      sendingRef.current = false;
      setSending(false);
    }
  }

  function discard() {
    drafts.remove(targetOf(form));
    lockedRef.current = false;
    setWaiting('');
    setForm({ ...EMPTY, postId: form.postId });
    setPhotos([]);
    setVoiceCard((n) => n + 1);
  }

  return (
    <Page>
      {waiting && (
        <View className='banner' id='draft-waiting'>
          <View>{w.waitingTitle}</View>
          <View className='small'>{fill(w.waitingNote, { reason: waiting })}</View>
        </View>
      )}
      {loadError && <View className='banner error'>{loadError}</View>}
      {unknownPost && (
        <View className='banner error' id='unknown-post'>
          <View>{fill(w.unknownPost, { postId: unknownPost })}</View>
          <View className='small'>{fill(w.unknownPostNote, { township: levelNames.township })}</View>
        </View>
      )}

      <WhereSection post={post} form={form} townships={townships} levelNames={levelNames} error={errors.townshipId} update={update} />
      <CategorySection categories={categories} form={form} levelNames={levelNames} error={errors.categoryId} update={update} />
      <DescriptionSection form={form} locked={waiting !== ''} error={errors.description} update={update} />
      <VoiceSection key={voiceCard} form={form} locked={waiting !== ''} error={errors.audio} update={update} onBusy={setVoiceBusy} />
      <PhotosSection photos={photos} uploading={uploading} note={photoNote} error={errors.photos} onAdd={addPhotos} onRemove={removePhoto} />
      <LocationSection form={form} error={errors.location} onAdd={addLocation} update={update} />
      <SignatureSection form={form} locked={waiting !== ''} error={errors.phone} update={update} />

      {errors.form && (
        <View className='banner error' role='alert'>
          {errors.form}
        </View>
      )}
      <Button className={`btn primary big ${sending || uploading || voiceBusy ? 'busy' : ''}`} id='send' disabled={sending || uploading || voiceBusy} onClick={send}>
        {sending ? w.sending : waiting ? w.resend : w.send}
      </Button>
      {waiting && (
        <Button className='btn' onClick={discard}>
          {w.discard}
        </Button>
      )}

      {privacyOpen && (
        <PrivacyDialog
          onAgree={() => {
            setPrivacyOpen(false);
            void addLocation();
          }}
          onClose={() => setPrivacyOpen(false)}
        />
      )}
    </Page>
  );
}
