/**
 * The report form's sections, each a card that shows what it is given and says what the citizen chose; the page
 * (index.tsx) holds the draft, the reads and the send.
 */
import { Image, Text, View } from '@tarojs/components';
import type { LevelNames } from '../../../../shared/schemas/org';
import { DESCRIPTION_MAX, PHOTOS_MAX } from '../../../../shared/schemas/report';
import { Button } from '../../components/Button';
import { Choices, ErrorText, TextField } from '../../components/Field';
import type { PostInfo, Township } from '../../lib/api';
import type { DraftForm } from '../../lib/draft';
import { openLocationSettings } from '../../lib/location';
import { fill, words } from '../../i18n';

const w = words.report;

type Update = (patch: Partial<DraftForm>) => void;

/** A photo chosen for the report: shown from the phone, sent by its upload key. */
export interface LocalPhoto {
  path: string;
  key: string;
}

/** Where: the post scanned (its name, township and centre), or, without one, the township to choose. */
export function WhereSection({ post, form, townships, levelNames, error, update }: { post: PostInfo | null; form: DraftForm; townships: Township[]; levelNames: LevelNames; error?: string; update: Update }) {
  if (post)
    return (
      <View className='card' id='post-info'>
        <View className='label'>{post.post.name}</View>
        <View className='small'>{fill(words.common.pair, { a: post.township.name, b: post.centreName })}</View>
        {post.post.address && <View className='small'>{post.post.address}</View>}
      </View>
    );
  if (form.postId) return null;
  return (
    <View className='card'>
      <Choices
        id='townships'
        labelId='township-question'
        label={fill(w.whichTownship, { township: levelNames.township })}
        options={townships.map((t) => ({ value: t.id, label: t.name }))}
        selected={form.townshipId ? [form.townshipId] : []}
        choiceId={(v) => `township-${v}`}
        onToggle={(v) => update({ townshipId: v, categoryId: undefined })}
        error={error}
      />
    </View>
  );
}

/** What about: the categories of the post or township chosen. */
export function CategorySection({ categories, form, levelNames, error, update }: { categories: Array<{ id: string; name: string }>; form: DraftForm; levelNames: LevelNames; error?: string; update: Update }) {
  return (
    <View className='card'>
      <Choices
        id='categories'
        label={w.whatAbout}
        options={categories.map((c) => ({ value: c.id, label: c.name }))}
        selected={form.categoryId ? [form.categoryId] : []}
        choiceId={(v) => `cat-${v}`}
        onToggle={(v) => update({ categoryId: v })}
        error={error}
      />
      {!categories.length && <View className='small'>{form.postId || form.townshipId ? words.common.loading : fill(w.chooseTownshipFirst, { township: levelNames.township })}</View>}
    </View>
  );
}

/** The citizen's own words, with the count of what is left. */
export function DescriptionSection({ form, locked, error, update }: { form: DraftForm; locked: boolean; error?: string; update: Update }) {
  return (
    <View className='card'>
      <TextField
        id='description'
        label={w.describe}
        multiline
        value={form.description}
        disabled={locked}
        maxLength={DESCRIPTION_MAX}
        placeholder={w.describeHint}
        onInput={(v) => update({ description: v })}
        error={error}
        after={
          <View className='count'>{fill(w.count, { n: form.description.length, max: DESCRIPTION_MAX })}</View>
        }
      />
    </View>
  );
}

/** Photos: each one taps to delete; + 拍照 while there is room. */
export function PhotosSection({ photos, uploading, note, error, onAdd, onRemove }: { photos: LocalPhoto[]; uploading: boolean; note: string; error?: string; onAdd: () => void; onRemove: (i: number) => void }) {
  return (
    <View className='card'>
      <Text className='label'>{fill(w.photos, { max: PHOTOS_MAX })}</Text>
      <View className='photos'>
        {photos.map((p, i) => (
          <Button key={p.key} className='photo-add photo-tile' onClick={() => onRemove(i)}>
            {p.path ? <Image className='photo' src={p.path} mode='aspectFill' nativeProps={{ alt: '' }} /> : <View className='photo' />}
            <View className='photo-remove'>{fill(w.removePhoto, { n: i + 1 })}</View>
          </Button>
        ))}
        {photos.length < PHOTOS_MAX && (
          <Button className='photo-add' id='add-photo' onClick={onAdd}>
            {uploading ? w.uploading : w.addPhoto}
          </Button>
        )}
      </View>
      {note && <ErrorText>{note}</ErrorText>}
      {error && <ErrorText>{error}</ErrorText>}
    </View>
  );
}

/** Where exactly (optional): the phone's location, or the way to the settings when it was refused. */
export function LocationSection({ form, error, onAdd, update }: { form: DraftForm; error?: string; onAdd: () => void; update: Update }) {
  return (
    <View className='card'>
      <Text className='label'>{w.location}</Text>
      {form.location ? (
        <View className='row'>
          <Text id='location-added'>{w.locationAdded}</Text>
          <Button className='btn' onClick={() => update({ location: undefined })}>
            {w.removeLocation}
          </Button>
        </View>
      ) : (
        <Button className='btn' id='add-location' onClick={onAdd}>
          {w.addLocation}
        </Button>
      )}
      {error && (
        <Button className='link field-error' onClick={openLocationSettings}>
          {error}
        </Button>
      )}
    </View>
  );
}

/** Named or anonymous, and a phone number to be called back on. */
export function SignatureSection({ form, locked, error, update }: { form: DraftForm; locked: boolean; error?: string; update: Update }) {
  return (
    <View className='card'>
      <Choices
        id='signature'
        label={w.signature}
        options={[
          { value: 'named', label: w.named },
          { value: 'anonymous', label: w.anonymous },
        ]}
        selected={[form.anonymous ? 'anonymous' : 'named']}
        choiceId={(v) => (v === 'anonymous' ? 'anonymous' : 'named')}
        onToggle={(v) => update({ anonymous: v === 'anonymous' })}
      />
      <View className='small'>{w.anonymousNote}</View>
      <TextField
        id='phone'
        label={w.phone}
        kind='tel'
        disabled={locked}
        maxLength={11}
        value={form.phone ?? ''}
        placeholder={w.phoneHint}
        onInput={(v) => update({ phone: v })}
        error={error}
        className='spaced'
      />
    </View>
  );
}

/** WeChat's privacy consent, asked before the first location. */
export function PrivacyDialog({ onAgree, onClose }: { onAgree: () => void; onClose: () => void }) {
  return (
    <View className='mask'>
      <View className='dialog'>
        <View className='label'>{w.privacyTitle}</View>
        <View className='small'>{w.privacyText}</View>
        <Button className='btn primary' id='agree-privacy' openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={onAgree}>
          {w.privacyAgree}
        </Button>
        <Button className='btn' onClick={onClose}>
          {w.privacyRefuse}
        </Button>
      </View>
    </View>
  );
}
