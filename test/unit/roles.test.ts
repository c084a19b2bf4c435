/** Who may manage whom among staff (shared/roles.ts), and who reads as a centre. */
import { describe, expect, it } from 'vitest';
import { assignableRoles, mayManageRole, readsCentre } from '../../shared/roles';

describe('staff roles', () => {
  it('lets a role manage only roles strictly below it, and an admin another admin', () => {
    expect(mayManageRole('centre_staff', 'handler')).toBe(true);
    expect(mayManageRole('centre_staff', 'centre_staff')).toBe(false);
    expect(mayManageRole('handler', 'agent')).toBe(false);
    expect(mayManageRole('centre_staff', 'county_supervisor')).toBe(false);
    expect(mayManageRole('county_supervisor', 'county_supervisor')).toBe(false);
    expect(mayManageRole('county_supervisor', 'admin')).toBe(false);
    expect(mayManageRole('admin', 'admin')).toBe(true);
  });

  it('offers the roles a user may give, highest first', () => {
    expect(assignableRoles('admin')).toEqual(['admin', 'county_supervisor', 'centre_staff', 'handler', 'agent', 'village_staff']);
    expect(assignableRoles('county_supervisor')).toEqual(['centre_staff', 'handler', 'agent', 'village_staff']);
    expect(assignableRoles('centre_staff')).toEqual(['handler', 'agent', 'village_staff']);
    expect(assignableRoles('handler')).toEqual([]);
  });

  it('reads the centre for centre staff, county supervisors and admins only', () => {
    expect(['centre_staff', 'county_supervisor', 'admin', 'handler', 'agent', 'village_staff'].map((r) => readsCentre(r as never))).toEqual([true, true, true, false, false, false]);
  });
});
