import { describe, expect, it } from 'vitest';
import { errorFromBody } from '../../miniprogram/src/lib/apiError';

describe('turning an API error body into an error the form shows', () => {
  it('keeps the code, the message and each field message, without the body. prefix', () => {
    const e = errorFromBody(400, {
      error: {
        code: 'validation',
        message: '请求内容不正确',
        issues: [
          { path: 'body.description', message: '问题描述至少 5 个字' },
          { path: 'body.description', message: '第二条不显示' },
          { path: 'phone', message: '请填写 11 位手机号' },
        ],
      },
    });
    expect(e.code).toBe('validation');
    expect(e.status).toBe(400);
    expect(e.message).toBe('请求内容不正确');
    expect(e.fieldMessages()).toEqual({ description: '问题描述至少 5 个字', phone: '请填写 11 位手机号' });
  });

  it('knows a rejected text', () => {
    const e = errorFromBody(400, { error: { code: 'rejected_content', message: '问题描述未通过内容安全检查，请修改后再提交', issues: [] } });
    expect(e.code).toBe('rejected_content');
  });

  it('says the service is unavailable for a 5xx that is not an error body, and never trusts an unknown code', () => {
    expect(errorFromBody(502, '<html>Bad Gateway</html>')).toMatchObject({ code: 'http', message: '服务暂时不可用，请稍后再试' });
    expect(errorFromBody(418, { error: { code: 'teapot', message: '我是茶壶' } }).code).toBe('http');
  });
});
