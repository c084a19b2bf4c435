import type { ButtonProps } from './controls';

/** H5: a native <button>, so Tab reaches it, Enter and Space press it and a screen reader names it. */
export function Button(props: ButtonProps) {
  const { id, className, disabled, pressed, current, label, dataUrl, onClick, children } = props;
  return (
    <button
      type='button'
      id={id}
      className={`${className ?? ''} ${pressed || current ? 'on' : ''}`}
      disabled={disabled}
      aria-pressed={pressed === undefined ? undefined : pressed}
      aria-current={current ? 'page' : undefined}
      aria-label={label}
      data-url={dataUrl}
      onClick={disabled ? undefined : onClick}
    >
      {children}
    </button>
  );
}
