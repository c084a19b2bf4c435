import { describe, expect, it } from 'vitest';
import { claimFromLaunch, claimFromUrl, postIdFromLaunch, postIdFromUrl } from '../../miniprogram/src/lib/code';
import { claimLink, postLink, postLinkBase } from '../../shared/postLink';

describe('the link a post’s QR code encodes', () => {
  it('is the configured base with the post id as postId', () => {
    expect(postLink('https://sg.example.cn', 'babao-baiyanggou-p1')).toBe('https://sg.example.cn/?postId=babao-baiyanggou-p1');
  });

  it('does not double the slash when the base ends with one', () => {
    expect(postLink('https://sg.example.cn/h5/', 'p1')).toBe('https://sg.example.cn/h5/?postId=p1');
    expect(postLink('https://sg.example.cn/h5//', 'p1')).toBe('https://sg.example.cn/h5/?postId=p1');
    expect(claimLink('https://sg.example.cn//', 'AB23CD45EF', 'KLMNPQRSTUVW')).toBe('https://sg.example.cn/?claim=AB23CD45EF-KLMNPQRSTUVW');
  });

  it('reads back to the same post through the app’s one parser, as a link and as WeChat’s q parameter', () => {
    const url = postLink('https://sg.example.cn', 'ebao-p_2-x');
    expect(postIdFromUrl(url)).toBe('ebao-p_2-x');
    expect(postIdFromLaunch({ q: encodeURIComponent(url) })).toBe('ebao-p_2-x');
  });

  it('takes POST_LINK_BASE when set, else the H5 app that npm start serves', () => {
    expect(postLinkBase({ POST_LINK_BASE: 'https://sg.example.cn/' })).toBe('https://sg.example.cn');
    expect(postLinkBase({ POST_LINK_BASE: 'https://sg.example.cn//' })).toBe('https://sg.example.cn');
    expect(postLinkBase({})).toBe('http://127.0.0.1:10086');
    expect(postLinkBase({ H5_PORT: '18080' })).toBe('http://127.0.0.1:18080');
    expect(postLinkBase({ POST_LINK_BASE: '', H5_PORT: '18080' })).toBe('http://127.0.0.1:18080');
  });
});

describe('the link a registration receipt’s QR code encodes (认领)', () => {
  const claim = { trackingCode: 'AB23CD45EF', secret: 'KLMNPQRSTUVW' };
  it('is the configured base with the tracking code and secret as claim, which no post parser takes for a post', () => {
    const url = claimLink('https://sg.example.cn/h5/', claim.trackingCode, claim.secret);
    expect(url).toBe('https://sg.example.cn/h5/?claim=AB23CD45EF-KLMNPQRSTUVW');
    expect(postIdFromUrl(url)).toBeNull();
  });

  it('reads back through the app’s parser: as a link, as WeChat’s q parameter, as a mini-program scene', () => {
    const url = claimLink('https://sg.example.cn', claim.trackingCode, claim.secret);
    expect(claimFromUrl(url)).toEqual(claim);
    expect(claimFromUrl(`http://127.0.0.1:10086/?claim=ab23cd45ef-klmnpqrstuvw#/pages/index/index`)).toEqual(claim);
    expect(claimFromLaunch({ q: encodeURIComponent(url) })).toEqual(claim);
    expect(claimFromLaunch({ scene: 'c=AB23CD45EFKLMNPQRSTUVW' })).toEqual(claim);
  });

  it('reads nothing from a post’s link, a malformed claim, or a secret with letters the app never makes', () => {
    expect(claimFromUrl(postLink('https://sg.example.cn', 'p1'))).toBeNull();
    expect(claimFromUrl('https://sg.example.cn/?claim=AB23CD45EF')).toBeNull();
    expect(claimFromUrl('https://sg.example.cn/?claim=AB23CD45EF-KLMNPQRSTUV0')).toBeNull();
    expect(claimFromLaunch({ scene: 'p=babao-p1' })).toBeNull();
    expect(claimFromLaunch({})).toBeNull();
  });
});
