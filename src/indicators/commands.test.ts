import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { runCli, UsageError } from '../platform/cli/command.ts';
import { mapPortalUnitCommand, mapPortalUnitRequestOf } from './commands.ts';

describe('map-portal-unit arguments', () => {
  it.each([
    [['H44.03', '79-STP'], {}, { action: 'set', departmentCode: 'H44.03', target: '79-STP' }],
    [[], { list: true }, { action: 'list' }],
    [['H44.03'], { remove: true }, { action: 'remove', departmentCode: 'H44.03' }],
  ])('%j %j → %j', (positionals, values, expected) => {
    expect(mapPortalUnitRequestOf(positionals, values)).toEqual(expected);
  });

  it.each([
    [[], {}],
    [['H44.03'], {}],
    [['H44.03', '79-STP', 'extra'], {}],
    [['H44.03'], { list: true }],
    [[], { remove: true }],
    [['H44.03', '79-STP'], { remove: true }],
    [[], { list: true, remove: true }],
  ])('%j %j is a usage error', (positionals, values) => {
    expect(() => mapPortalUnitRequestOf(positionals, values)).toThrow(UsageError);
  });

  it('a usage error exits 2 with the usage line, before any database is opened', async () => {
    let stderr = '';
    const code = await runCli(['map-portal-unit', 'H44.03'], [mapPortalUnitCommand], {
      config: loadConfig(),
      stdout: () => undefined,
      stderr: (text) => {
        stderr += text;
      },
    });
    expect(code).toBe(2);
    expect(stderr).toContain('usage: npm run cli -- map-portal-unit');
  });
});
