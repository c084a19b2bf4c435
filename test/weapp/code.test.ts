import { describe, expect, it } from 'vitest';
import { postIdFromLaunch, postIdFromScan, postIdFromScene, postIdFromUrl } from '../../miniprogram/src/lib/code';

describe('the post code parser', () => {
  describe('ordinary-link QR codes (the q launch parameter)', () => {
    it('reads the post id from a /p/<id> link, URL-encoded as WeChat passes it', () => {
      const q = encodeURIComponent('https://shaogang.example.cn/p/post-qilian-01');
      expect(postIdFromLaunch({ q })).toBe('post-qilian-01');
    });
    it('reads the post id from a postId query parameter', () => {
      expect(postIdFromUrl('https://shaogang.example.cn/r?postId=P123&from=poster')).toBe('P123');
    });
    it('decodes a link that was encoded twice', () => {
      const q = encodeURIComponent(encodeURIComponent('https://x.cn/p/P9'));
      expect(postIdFromLaunch({ q })).toBe('P9');
    });
    it('refuses a link without a post id', () => {
      expect(postIdFromUrl('https://shaogang.example.cn/about')).toBeNull();
    });
    it('refuses a post id with characters an id cannot have', () => {
      expect(postIdFromUrl('https://x.cn/r?postId=%3Cscript%3E')).toBeNull();
    });
  });

  describe('mini-program codes (the scene parameter)', () => {
    it('reads p=<id>', () => {
      expect(postIdFromScene('p=P123')).toBe('P123');
    });
    it('reads an encoded scene as WeChat passes it', () => {
      expect(postIdFromLaunch({ scene: encodeURIComponent('p=abc_DEF-1') })).toBe('abc_DEF-1');
    });
    it('reads a bare id', () => {
      expect(postIdFromScene('P777')).toBe('P777');
    });
    it('refuses a scene over 32 characters', () => {
      expect(postIdFromScene(`p=${'a'.repeat(31)}`)).toBeNull();
      expect(postIdFromScene(`p=${'a'.repeat(30)}`)).toBe('a'.repeat(30));
    });
  });

  describe('H5 and in-app scans', () => {
    it('reads ?postId= from a hash-router URL', () => {
      expect(postIdFromUrl('http://127.0.0.1:10086/#/pages/report/index?postId=P1')).toBe('P1');
      expect(postIdFromUrl('http://127.0.0.1:10086/?postId=P2#/pages/index/index')).toBe('P2');
    });
    it('prefers an explicit postId over q and scene', () => {
      expect(postIdFromLaunch({ postId: 'A1', q: encodeURIComponent('https://x.cn/p/B2'), scene: 'p=C3' })).toBe('A1');
    });
    it('reads a scanned QR link', () => {
      expect(postIdFromScan({ result: 'https://shaogang.example.cn/p/P5' })).toBe('P5');
    });
    it('reads the scene from a scanned mini-program code path', () => {
      expect(postIdFromScan({ result: '*', path: 'pages/report/index?scene=p%3DP6' })).toBe('P6');
    });
    it('returns null for an empty launch', () => {
      expect(postIdFromLaunch({})).toBeNull();
      expect(postIdFromLaunch(undefined)).toBeNull();
    });
  });
});
