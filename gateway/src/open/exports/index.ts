import { administrativeUnits } from './administrativeUnits';
import { airQuality } from './airQuality';
import type { Dataset } from './dataset';
import { floodGauges } from './floodGauges';
import { health } from './health';
import { incidents } from './incidents';
import { publicServices } from './publicServices';
import { readings } from './readings';
import { security } from './security';
import { stations } from './stations';
import { traffic } from './traffic';

export * from './dataset';
export * from './exportRouter';

/** Every open dataset, in the catalogue's order: add a dataset here and its operation under gateway/open/operations. */
export const DATASETS: readonly Dataset<never>[] = [
  administrativeUnits,
  incidents,
  airQuality,
  stations,
  readings,
  floodGauges,
  traffic,
  publicServices,
  health,
  security,
] as unknown as readonly Dataset<never>[];
