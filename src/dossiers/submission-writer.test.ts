import { describe, expect, it } from 'vitest';
import { SubmissionWriter, type SubmissionToWrite } from './submission-writer.ts';

/** A submission known by its dossier id; the fake database below reads nothing else. */
function submission(id: string): SubmissionToWrite {
  return { dossier: { id } as SubmissionToWrite['dossier'], components: [], files: [] };
}

/**
 * A database that holds each statement until released, answers every dossier as written, and refuses
 * a whole statement that carries a dossier whose id starts with "bad" (as a constraint would).
 */
class HeldDatabase {
  readonly statements: string[][] = [];
  #release: (() => void)[] = [];

  query = async <T extends Record<string, unknown>>(statement: { values: unknown[] }): Promise<T[]> => {
    const ids = (JSON.parse(statement.values[0] as string) as { id: string }[]).map((d) => d.id);
    this.statements.push(ids);
    await new Promise<void>((r) => this.#release.push(r));
    if (ids.some((id) => id.startsWith('bad'))) throw new Error('check constraint violated');
    return ids.map((id) => ({ id, files: null })) as unknown as T[];
  };

  /** Lets every statement held so far finish, then waits for the writer to react. */
  async releaseAll(): Promise<void> {
    for (const release of this.#release.splice(0)) release();
    await new Promise((r) => setTimeout(r, 0));
  }
}

describe('SubmissionWriter (group commit)', () => {
  it('writes at once while a writer is free, and everything that waited in the next statement', async () => {
    const db = new HeldDatabase();
    const writer = new SubmissionWriter(db.query, 1);
    const first = writer.write(submission('a'));
    const rest = ['b', 'c', 'd'].map((id) => writer.write(submission(id)));
    expect(db.statements).toEqual([['a']]);
    expect(writer.waiting).toBe(3);
    await db.releaseAll();
    expect(db.statements).toEqual([['a'], ['b', 'c', 'd']]);
    await db.releaseAll();
    expect(await Promise.all([first, ...rest])).toEqual(Array.from({ length: 4 }, () => ({ written: true, files: [] })));
    expect(writer.stats).toEqual({ statements: 2, submissions: 4, batchesRetriedAlone: 0 });
  });

  it('runs as many statements at once as it is allowed, and no batch larger than its limit', async () => {
    const db = new HeldDatabase();
    const writer = new SubmissionWriter(db.query, 2, 2);
    const all = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => writer.write(submission(id)));
    expect(db.statements).toEqual([['a'], ['b']]);
    await db.releaseAll();
    expect(db.statements.slice(2)).toEqual([
      ['c', 'd'],
      ['e', 'f'],
    ]);
    await db.releaseAll();
    await Promise.all(all);
  });

  it('answers a dossier not written (its version no longer current) as not written, the others as written', async () => {
    const writer = new SubmissionWriter(async <T>() => [{ id: 'a', files: null }] as T[], 1);
    expect(await writer.write(submission('a'))).toEqual({ written: true, files: [] });
    expect(await writer.write(submission('b'))).toEqual({ written: false });
  });

  it('writes each submission of a failed batch again on its own: only the bad one fails', async () => {
    const db = new HeldDatabase();
    const writer = new SubmissionWriter(db.query, 1);
    const first = writer.write(submission('a'));
    const batch = Promise.allSettled(['b', 'bad-c', 'd'].map((id) => writer.write(submission(id))));
    await db.releaseAll();
    await db.releaseAll();
    expect(db.statements.slice(2)).toEqual([['b'], ['bad-c'], ['d']]);
    await db.releaseAll();
    await expect(first).resolves.toEqual({ written: true, files: [] });
    const settled = await batch;
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(writer.stats.batchesRetriedAlone).toBe(1);
  });

  it('passes a lone submission’s error to it unchanged', async () => {
    const error = new Error('unique violation');
    const writer = new SubmissionWriter(() => Promise.reject(error), 1);
    await expect(writer.write(submission('a'))).rejects.toBe(error);
    expect(writer.stats.batchesRetriedAlone).toBe(0);
  });
});
