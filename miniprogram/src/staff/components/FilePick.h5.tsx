import { contentTypeOf, type PickedFile } from '../lib/register';
import type { FilePickProps } from './FilePick';

/** H5: a native file input under a visible label that looks like the staff buttons; Tab reaches it, Enter opens it. */
export function FilePick(p: FilePickProps) {
  return (
    <label id={p.id} className='staff-btn staff-file'>
      {p.label}
      <input
        id={`${p.id}-input`}
        className='staff-file-input'
        type='file'
        accept='image/jpeg,image/png,image/webp,application/pdf'
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (!f) return;
          const contentType = (f.type || contentTypeOf(f.name)) as PickedFile['contentType'] | undefined;
          if (!contentType || !contentTypeOf(`x.${contentType.split('/')[1]}`)) return p.onError('附件须为 JPG、PNG、WebP 图片或 PDF 文件');
          p.onPick({ name: f.name, contentType, size: f.size, body: f });
        }}
      />
    </label>
  );
}
