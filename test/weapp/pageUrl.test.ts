/** Page addresses (miniprogram/src/lib/pageUrl.ts), as the staff and booking registries build them. */
import { describe, expect, it } from 'vitest';
import { bookingUrl } from '../../miniprogram/src/booking/routes';
import { pageUrl } from '../../miniprogram/src/lib/pageUrl';
import { staffUrl } from '../../miniprogram/src/staff/routes';

describe('a page address', () => {
  it('is the path alone without parameters, and leaves out those that are empty or not strings', () => {
    expect(pageUrl('pages/index/index')).toBe('/pages/index/index');
    expect(pageUrl('pages/mine/index', { a: '', b: undefined, c: 3 })).toBe('/pages/mine/index');
  });
  it('encodes each parameter, in the order given', () => {
    expect(pageUrl('pages/detail/index', { id: 'p 1', q: '八宝&镇' })).toBe('/pages/detail/index?id=p%201&q=%E5%85%AB%E5%AE%9D%26%E9%95%87');
  });
  it('is what the staff and booking registries give, under their subpackage', () => {
    expect(staffUrl('petition', { id: 'p1' })).toBe('/staff/pages/petition/index?id=p1');
    expect(staffUrl('queue')).toBe('/staff/pages/queue/index');
    expect(bookingUrl('slots', { hostId: 'h1', reschedule: '' })).toBe('/booking/pages/slots/index?hostId=h1');
  });
});
