import { describe, expect, it } from 'vitest';
import { postIdFromLaunch, postIdFromUrl } from '../../miniprogram/src/lib/code';
import { postLink, postLinkBase } from '../../shared/postLink';

describe('the link a post’s QR code encodes', () => {
  it('is the configured base with the post id as postId', () => {
    expect(postLink('https://sg.example.cn', 'babao-baiyanggou-p1')).toBe('https://sg.example.cn/?postId=babao-baiyanggou-p1');
  });

  it('does not double the slash when the base ends with one', () => {
    expect(postLink('https://sg.example.cn/h5/', 'p1')).toBe('https://sg.example.cn/h5/?postId=p1');
  });

  it('reads back to the same post through the app’s one parser, as a link and as WeChat’s q parameter', () => {
    const url = postLink('https://sg.example.cn', 'ebao-p_2-x');
    expect(postIdFromUrl(url)).toBe('ebao-p_2-x');
    expect(postIdFromLaunch({ q: encodeURIComponent(url) })).toBe('ebao-p_2-x');
  });

  it('takes POST_LINK_BASE when set, else the H5 app that npm start serves', () => {
    expect(postLinkBase({ POST_LINK_BASE: 'https://sg.example.cn/' })).toBe('https://sg.example.cn');
    expect(postLinkBase({})).toBe('http://127.0.0.1:10086');
    expect(postLinkBase({ H5_PORT: '18080' })).toBe('http://127.0.0.1:18080');
    expect(postLinkBase({ POST_LINK_BASE: '', H5_PORT: '18080' })).toBe('http://127.0.0.1:18080');
  });
});
