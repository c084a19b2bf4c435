import type { KeyboardEvent, PointerEvent } from 'react';
import type { HoldButtonProps } from './controls';

const HOLD_KEYS = new Set([' ', 'Enter']);

/**
 * H5: a native <button> held by a finger or the mouse (pointer events: one start whatever the device), or by the
 * keyboard (Space or Enter held down), so the keyboard and a screen reader can record too.
 */
export function HoldButton({ id, className, label, disabled, onHold, onRelease, children }: HoldButtonProps) {
  const down = (e: PointerEvent<HTMLButtonElement>) => {
    if (disabled || e.button !== 0) return;
    // keep the pointer: lifting the finger outside the button still ends the recording
    e.currentTarget.setPointerCapture?.(e.pointerId);
    onHold();
  };
  const key = (e: KeyboardEvent<HTMLButtonElement>, pressed: boolean) => {
    if (disabled || !HOLD_KEYS.has(e.key)) return;
    e.preventDefault();
    if (pressed && !e.repeat) onHold();
    if (!pressed) onRelease();
  };
  return (
    <button
      type='button'
      id={id}
      className={className}
      aria-label={label}
      disabled={disabled}
      onPointerDown={down}
      onPointerUp={disabled ? undefined : onRelease}
      onPointerCancel={disabled ? undefined : onRelease}
      onContextMenu={(e) => e.preventDefault()}
      onKeyDown={(e) => key(e, true)}
      onKeyUp={(e) => key(e, false)}
    >
      {children}
    </button>
  );
}
