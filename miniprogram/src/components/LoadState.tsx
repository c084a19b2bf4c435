import { Text, View } from '@tarojs/components';
import { Button } from './Button';
import { words } from '../i18n';

/** The class names of the two looks: the citizen's large type and the staff pages' compact one. */
const LOOKS = {
  citizen: { note: 'small', box: 'card', error: 'banner error', errorText: '', retry: 'btn', retryText: words.common.retry },
  staff: { note: 'staff-muted staff-card', box: 'staff-muted staff-card', error: 'staff-card', errorText: 'staff-error', retry: 'staff-btn', retryText: '重试' },
};

export interface LoadStateProps {
  /** Names the state for tests: `<id>-loading`, `<id>-error`, `<id>-empty`. */
  id: string;
  loading: boolean;
  error: string;
  empty: boolean;
  emptyText: string;
  onRetry: () => void;
  look?: keyof typeof LOOKS;
}

/** Loading, failed (with a retry) or empty: what every page shows instead of a blank screen. Nothing once there is
 * something to show. */
export function LoadState({ id, loading, error, empty, emptyText, onRetry, look = 'citizen' }: LoadStateProps) {
  const c = LOOKS[look];
  if (loading) return <View id={`${id}-loading`} className={c.note} role='status'>{words.common.loading}</View>;
  if (error)
    return (
      <View id={`${id}-error`} className={c.error} role='alert'>
        <Text className={c.errorText}>{error}</Text>
        <Button className={c.retry} onClick={onRetry}>
          {c.retryText}
        </Button>
      </View>
    );
  if (empty) return <View id={`${id}-empty`} className={c.box}>{emptyText}</View>;
  return null;
}
