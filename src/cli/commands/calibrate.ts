// `corridors calibrate`: every published end-to-end figure (networks/observations.json) beside the model's.
import { calibrate } from '../../core/analysis/calibrate.ts';
import { DEFAULT_OBSERVATIONS_FILE, loadObservationsFile } from '../../core/load.ts';
import { formatCalibration } from '../../core/output/format-calibration.ts';
import type { CliIo } from '../io.ts';
import { openModel } from '../data-cache.ts';
import { formatOf } from '../usage.ts';

/** Runs calibrate; returns 0. */
export async function runCalibrate(o: { format?: string; network?: string; observations?: string }, io: CliIo): Promise<number> {
  const format = formatOf(o.format);
  const model = await openModel(o.network);
  const observations = loadObservationsFile(model, o.observations ?? DEFAULT_OBSERVATIONS_FILE, o.observations ?? 'networks/observations.json');
  io.out(formatCalibration(calibrate(model, observations), model.network, format, { width: io.width }));
  return 0;
}
