/** How long a piece of work took over several runs, in milliseconds. */
export interface RunTimings {
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

/** Runs `work` once to warm plans and caches, then `runs` times, and answers the percentiles. */
export async function timeRuns(runs: number, work: (run: number) => Promise<unknown>): Promise<RunTimings> {
  await work(-1);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work(i);
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => Math.round((ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)] ?? 0) * 10) / 10;
  return { runs, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: at(1) };
}
