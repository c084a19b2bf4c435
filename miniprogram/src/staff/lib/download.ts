/**
 * Saving a file the API answers (the CSV export) as the logged-in staff user. In a browser (H5) it is fetched with
 * the staff token and saved through a download link. Inside WeChat a CSV cannot be opened (openDocument takes only
 * Office and PDF files), so the user is told to export from a computer's browser instead.
 */
import { ApiError } from '../../lib/apiError';
import { isWeapp } from '../../lib/request';

export const DOWNLOAD_IN_WEAPP = '微信内无法打开 CSV 文件，请在电脑浏览器中登录工作台后导出';

/** Fetches the file (the typed client's call, e.g. `() => api.staff.export({ query })`) and saves it. */
export async function downloadFile(fetchFile: () => Promise<string>, filename: string): Promise<void> {
  if (isWeapp()) throw new ApiError('http', DOWNLOAD_IN_WEAPP);
  const text = await fetchFile();
  // decoding the answer drops its byte order mark; Excel needs it to read UTF-8
  const blob = new Blob([text.startsWith('\uFEFF') ? text : `\uFEFF${text}`], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // the browser has started saving; the address may go after a moment
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
