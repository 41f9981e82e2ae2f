// Loading the model a command works on: the --network file (or the embedded default) with the default emission factors.
import { createModel, type Model } from '../core/index.ts';
import { DEFAULT_FACTORS_FILE, DEFAULT_NETWORK_FILE, loadEmissionFactorsFile, loadNetworkFile } from '../core/load.ts';
import { displayPath } from './io.ts';

/** Loads the network named by --network (or the embedded default) with the default emission factors. */
export function loadModel(networkFile: string | undefined): Model {
  const file = networkFile ?? DEFAULT_NETWORK_FILE;
  const network = loadNetworkFile(file, displayPath(file));
  const factors = loadEmissionFactorsFile(DEFAULT_FACTORS_FILE, displayPath(DEFAULT_FACTORS_FILE));
  return createModel(network, factors);
}
