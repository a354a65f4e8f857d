/** The time-series shapes live in src/model (the dashboard reads them too); insights' files import them from here. */
export type { SloPoint, SloSeries, Timeseries, TimeseriesBucket } from '../../model/index.js';
