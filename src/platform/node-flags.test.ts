import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { webProcessNodeFlags } from './node-flags.ts';
import { projectRoot } from './paths.ts';

describe('webProcessNodeFlags', () => {
  it('are the flags `npm start` runs the web process with (the bench measures the app as started)', () => {
    const scripts = (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
      .scripts;
    const web = /node ((?:--\S+ )*)--import tsx src\/main\.ts/.exec(scripts['start'] ?? '');
    expect(web?.[1]?.trim().split(' ')).toEqual([...webProcessNodeFlags]);
  });
});
