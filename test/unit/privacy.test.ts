import { describe, expect, it } from 'vitest';
import { maskPhone } from '../../shared/privacy';
import { findPersonalData } from '../support/privacy';

describe('the log check', () => {
  it('finds phone numbers, ID card numbers and tokens, and masks them in its report', () => {
    const log = [
      '{"route":"POST /petitions","status":201,"ms":12}',
      'body {"phone":"13812341234"}',
      'id 11010519491231002X here',
      'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ3eF8xMjMifQ.c2lnbmF0dXJlc2lnbmF0dXJl',
    ].join('\n');
    const found = findPersonalData(log);
    expect(found.map((f) => f.split(':')[0])).toEqual(['phone number', 'ID card number', 'token']);
    expect(found.join('\n')).not.toMatch(/13812341234|11010519491231002X|eyJhbGci/);
  });

  it('leaves ids, times and counts alone', () => {
    expect(findPersonalData('{"route":"GET /staff/petitions/{id}","status":200,"ms":1731234567890} 01M848ZNBWVDQDJ8DSHQDSMGSG 2026-11-24T13:19:33.015Z')).toEqual([]);
    // a request id whose last group is eleven digits and a letter, as serverless offline prints them
    expect(findPersonalData('(λ: api) RequestId: 0008e8a2-acc7-46fa-b950-16412345678d  Duration: 621.63 ms')).toEqual([]);
    expect(findPersonalData('phone=13812341234&x=1')).toHaveLength(1);
  });
});

describe('a phone number as staff see it', () => {
  it('keeps the first three and last four digits and masks the rest', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('13987654321')).toBe('139****4321');
  });
});
