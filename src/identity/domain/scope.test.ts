import { describe, expect, it } from 'vitest';
import type { RoleAssignment } from '../principal.ts';
import { hasScopeOver, holdsAnyRole } from './scope.ts';

const tamLongUbnd = { agencyCode: '26572-UBND', unitCode: '26572', provinceCode: '79' };
const tamLongCentre = { agencyCode: '26572-TTPVHCC', unitCode: '26572', provinceCode: '79' };
const vungTauUbnd = { agencyCode: '26506-UBND', unitCode: '26506', provinceCode: '79' };
const justice = { agencyCode: '79-STP', unitCode: '79', provinceCode: '79' };
const haNoiWard = { agencyCode: '00004-UBND', unitCode: '00004', provinceCode: '01' };

const reception: RoleAssignment = { role: 'reception', agencyCode: '26572-TTPVHCC', unitCode: '26572' };
const unitAdmin: RoleAssignment = { role: 'unit_admin', agencyCode: '', unitCode: '26572' };
const leader: RoleAssignment = { role: 'leader', agencyCode: '', unitCode: '79' };
const stpReception: RoleAssignment = { role: 'reception', agencyCode: '79-STP', unitCode: '79' };

describe('hasScopeOver', () => {
  it.each([
    ['an agency role covers its own agency', [reception], tamLongCentre, [], true],
    ['an agency role does not cover a sibling agency of the same unit', [reception], tamLongUbnd, [], false],
    ['a unit-wide role covers every agency of its unit', [unitAdmin], tamLongUbnd, [], true],
    ['a unit-wide role does not cover another commune', [unitAdmin], vungTauUbnd, [], false],
    ['a province-wide role covers every commune of the province', [leader], vungTauUbnd, [], true],
    ['a province-wide role covers the province departments', [leader], justice, [], true],
    ['a province-wide role does not cover another province', [leader], haNoiWard, [], false],
    ['a department role does not spill over to the province', [stpReception], tamLongCentre, [], false],
    ['the role must be one of those asked for', [reception], tamLongCentre, ['approver'], false],
    ['any of several roles will do', [unitAdmin, reception], tamLongCentre, ['reception'], true],
    ['no roles, no scope', [], tamLongCentre, [], false],
  ] as const)('%s', (_name, assignments, target, roles, expected) => {
    expect(hasScopeOver(assignments, target, roles)).toBe(expected);
  });
});

describe('holdsAnyRole', () => {
  it('answers whether one of the roles is held anywhere', () => {
    expect(holdsAnyRole([reception], ['reception', 'approver'])).toBe(true);
    expect(holdsAnyRole([reception], ['system_admin'])).toBe(false);
    expect(holdsAnyRole([reception], [])).toBe(true);
  });
});
