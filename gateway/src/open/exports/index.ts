import { administrativeUnits } from './administrativeUnits';
import type { Dataset } from './dataset';

export * from './dataset';
export * from './exportRouter';

/** Every open dataset, in the catalogue's order: add a dataset here and its operation under gateway/open/operations. */
export const DATASETS: readonly Dataset<never>[] = [administrativeUnits as Dataset<never>];
