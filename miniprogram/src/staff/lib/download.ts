/**
 * Saving a file the API answers (the CSV export) as the logged-in staff user. In a browser (H5) it is fetched with
 * the staff token and saved through a download link. Inside WeChat a CSV cannot be opened (openDocument takes only
 * Office and PDF files), so the user is told to export from a computer's browser instead.
 */
import { ApiError, errorFromBody } from '../../lib/apiError';
import { apiBaseUrl, isWeapp } from '../../lib/request';
import { staffSession, toLogin } from './session';

export const DOWNLOAD_IN_WEAPP = '微信内无法打开 CSV 文件，请在电脑浏览器中登录工作台后导出';

export async function downloadFile(path: string, filename: string): Promise<void> {
  if (isWeapp()) throw new ApiError('http', DOWNLOAD_IN_WEAPP);
  const session = staffSession();
  if (!session) {
    toLogin();
    throw new ApiError('unauthorized', '登录已过期，请重新登录', 401);
  }
  let res: Response;
  try {
    res = await fetch(`${apiBaseUrl}${path}`, { headers: { Authorization: `Bearer ${session.token}` } });
  } catch {
    throw new ApiError('network', '网络不好，没有连上服务器');
  }
  if (!res.ok) {
    if (res.status === 401) toLogin();
    throw errorFromBody(res.status, await res.json().catch(() => undefined));
  }
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // the browser has started saving; the address may go after a moment
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
