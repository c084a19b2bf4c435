/**
 * 消息推送's signature check, before any push is read: WeChat's own pushes only, and none while no token is set. Over
 * HTTP (test/api/voice.test.ts) the contract lets through only a signature of SHA-1's length; the use case refuses
 * any other itself, as nobody we know.
 */
import { describe, expect, it } from 'vitest';
import type { Deps } from '../../functions/usecases/context';
import { checkPushAddress, pushSignature } from '../../functions/usecases/wechatPush';
import { NotFoundError } from '../../shared/errors';

const withToken = (token: string | undefined) => ({ wechatPush: { token } }) as unknown as Deps;
const signed = (token: string, signature = pushSignature(token, '1764460800', '42')) => ({ signature, timestamp: '1764460800', nonce: '42', echostr: 'hello' });

describe('a push’s signature', () => {
  it('is WeChat’s when it is the token’s: the address check answers its echostr', () => {
    expect(checkPushAddress(withToken('push-token'), signed('push-token'))).toEqual({ filename: '', content: 'hello' });
  });

  it('refuses every push while no token is set, even one signed with the empty token', () => {
    for (const token of [undefined, '']) {
      expect(() => checkPushAddress(withToken(token), signed(''))).toThrow(NotFoundError);
      expect(() => checkPushAddress(withToken(token), signed(''))).toThrow('未找到');
    }
  });

  it('refuses a signature of another length as nobody we know, not as a fault', () => {
    for (const signature of ['abc123', `${pushSignature('push-token', '1764460800', '42')}00`]) {
      expect(() => checkPushAddress(withToken('push-token'), signed('push-token', signature))).toThrow(NotFoundError);
    }
  });
});
