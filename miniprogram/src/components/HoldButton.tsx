import { Button as TaroButton } from '@tarojs/components';
import type { HoldButtonProps } from './controls';

/** WeChat: held with a finger (touch start → `onHold`, lift or cancel → `onRelease`), as WeChat's own 按住说话. */
export function HoldButton({ id, className, label, disabled, onHold, onRelease, children }: HoldButtonProps) {
  return (
    <TaroButton
      id={id}
      className={className}
      ariaLabel={label}
      disabled={disabled}
      onTouchStart={disabled ? undefined : onHold}
      onTouchEnd={disabled ? undefined : onRelease}
      onTouchCancel={disabled ? undefined : onRelease}
    >
      {children}
    </TaroButton>
  );
}
