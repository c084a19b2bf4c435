import Taro from '@tarojs/taro';
import { Button } from '../../components/Button';
import { contentTypeOf, type PickedFile } from '../lib/register';

export interface FilePickProps {
  id: string;
  label: string;
  onPick: (file: PickedFile) => void;
  onError: (message: string) => void;
}

/** WeChat: a photo or a PDF from a chat (chooseMessageFile), read into memory. H5: FilePick.h5.tsx, a native file input. */
export function FilePick(p: FilePickProps) {
  const pick = async () => {
    try {
      const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'all', extension: ['pdf', 'jpg', 'jpeg', 'png', 'webp'] });
      const f = tempFiles[0];
      const contentType = f ? contentTypeOf(f.name) : undefined;
      if (!f || !contentType) return p.onError('附件须为 JPG、PNG、WebP 图片或 PDF 文件');
      const body = await new Promise<ArrayBuffer>((resolve, reject) =>
        Taro.getFileSystemManager().readFile({ filePath: f.path, success: (r) => (typeof r.data === 'string' ? reject(new Error('text')) : resolve(r.data)), fail: reject }),
      );
      p.onPick({ name: f.name, contentType, size: body.byteLength, body });
    } catch {
      // closed the chooser
    }
  };
  return (
    <Button id={p.id} className='staff-btn' onClick={() => void pick()}>
      {p.label}
    </Button>
  );
}
