import type { RegionProps } from './controls';

/** H5: the landmark element itself, so screen readers can jump between the header, the menu and the content. */
export function Region({ as, label, className, id, children }: RegionProps) {
  const Tag = as;
  return (
    <Tag className={className} id={id} aria-label={label}>
      {children}
    </Tag>
  );
}
