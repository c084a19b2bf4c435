import { Button as TaroButton } from '@tarojs/components';
import type { ButtonProps } from './controls';

/**
 * Every action in the app, citizen and staff. In WeChat a native button (its screen reader names it by its text,
 * or `label`); in H5 a real <button> (`Button.h5.tsx`), which Taro's own H5 button is not: that one is a custom
 * element outside the tab order. Pass `pressed` for a choice that stays on (a chip, a tab, a switch).
 */
export function Button(props: ButtonProps) {
  const { id, className, disabled, pressed, current, label, dataUrl, onClick, openType, onAgreePrivacyAuthorization, children } = props;
  return (
    <TaroButton
      id={id}
      className={`${className || ''} ${pressed || current ? 'on' : ''}`}
      disabled={disabled}
      ariaLabel={label}
      data-url={dataUrl}
      openType={openType}
      onAgreePrivacyAuthorization={onAgreePrivacyAuthorization}
      onClick={disabled ? undefined : onClick}
    >
      {children}
    </TaroButton>
  );
}
