/** One cli-progress bar per phase (validate, nodes, relationships, converge) with rows/s and ETA. */
import cliProgress from 'cli-progress';
import type { Phase, Progress } from './ingest.js';

const LABELS: Record<Phase, string> = {
  validate: 'validate     ',
  nodes: 'nodes        ',
  relationships: 'relationships',
  converge: 'converge     ',
};

export function progressBars(stream: NodeJS.WriteStream = process.stderr) {
  let bar: cliProgress.SingleBar | null = null;
  let phase: Phase | null = null;
  let started = 0;
  let records = 0;
  const stop = () => {
    bar?.stop();
    bar = null;
  };
  const update = (p: Progress) => {
    if (p.phase === 'validate' && p.unit === 'records') {
      records = p.done;
      if (bar) bar.update({ records, rate: rate(records) });
      return;
    }
    if (p.phase !== phase) {
      stop();
      phase = p.phase;
      started = Date.now();
      const counted = p.unit === 'files' ? '{value}/{total} files, {records} records' : '{value}/{total} rows';
      bar = new cliProgress.SingleBar(
        {
          format: `${LABELS[p.phase]} {bar} ${counted} | {rate}/s | ETA {eta_formatted}`,
          hideCursor: true,
          stream,
          etaBuffer: 50,
          noTTYOutput: false,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(p.total, 0, { records, rate: '-' });
    }
    bar!.setTotal(p.total);
    bar!.update(p.done, { records, rate: rate(p.unit === 'files' ? records : p.done) });
  };
  const rate = (n: number) => {
    const s = (Date.now() - started) / 1000;
    return s > 0 ? Math.round(n / s).toLocaleString('en') : '-';
  };
  return { update, stop };
}
