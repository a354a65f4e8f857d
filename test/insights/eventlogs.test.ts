/**
 * The mining engine on the real logs in ../shared/datasets/eventlogs: every file loads or is refused with a
 * clear reason, and the figures are those a standard process-mining tool (PM4Py) gives on them.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mineLog, readEventLogFile, type ColumnarEventLog, type MiningResult } from '../../src/insights/index.js';
import { checkDatasets, DATASETS_DIR, describeWith } from '../support/services.js';

const DIR = path.join(DATASETS_DIR, 'eventlogs');
const FILES = existsSync(DIR) ? readdirSync(DIR).sort() : [];

/** cases, events, activities (concept:name), variants. */
const FIGURES: Record<string, [number, number, number, number]> = {
  '02_teleclaims.xes.gz': [3512, 46138, 11, 12],
  '03_repairExample.xes.gz': [1104, 11855, 8, 77],
  '06_bpic2013_closed.xes.gz': [1487, 6660, 4, 183],
  '07_bpic2013_incidents.xes.gz': [7554, 65533, 4, 1511],
  '08_receipt.xes.gz': [1434, 8577, 27, 116],
  '10_orders.xes.gz': [17, 154, 11, 4],
  '13_SEPSIS_1t_per_variant.xes.gz': [846, 13775, 16, 846],
  '14_Billing_1t_per_variant.xes.gz': [1020, 12506, 18, 1020],
  '15_bpic2020_permit_log_1t_per_variant.xes.gz': [1478, 26028, 51, 1478],
  '16_bpic2019_1t_per_variant.xes.gz': [11973, 338247, 42, 11973],
  '17_bpic2012_1t_per_variant.xes.gz': [4366, 182467, 24, 4366],
  'bpic2012.xes.gz': [13087, 262200, 24, 4366],
  'helpdesk.xes.gz': [4580, 21348, 14, 226],
  'interval_event_log.csv': [1266, 8109, 8, 10],
  'interval_event_log.xes': [1266, 8109, 8, 10],
  'receipt.csv': [1434, 8577, 27, 116],
  'receipt.xes': [1434, 8577, 27, 116],
  'reviewing.xes': [100, 3730, 14, 96],
  'roadtraffic100traces.csv': [100, 390, 10, 10],
  'roadtraffic100traces.xes': [100, 390, 10, 10],
  'roadtraffic50traces.xes': [51, 201, 8, 6],
  'running-example.csv': [6, 42, 8, 6],
  'running-example.xes': [6, 42, 8, 6],
};
const REFUSED: Record<string, RegExp> = {
  '19_roadtraffic_1t_per_variant.xes.gz':
    /traces without a case id \(trace attribute "concept:name"\): 231 .*events without a timestamp \(event attribute "time:timestamp"\): 1891/,
};

// Each log is read once per test file run.
const logs = new Map<string, Promise<ColumnarEventLog>>();
function load(name: string): Promise<ColumnarEventLog> {
  let log = logs.get(name);
  if (!log) {
    log = readEventLogFile(path.join(DIR, name));
    logs.set(name, log);
  }
  return log;
}

/** A result without what depends on the file (its name, its format) or on the order cases appear in. */
function comparable(result: MiningResult) {
  const { log: _log, variants, ...rest } = result;
  return { ...rest, variants: variants.map((v) => `${v.count}:${v.activities.join('>')}`).sort() };
}

describeWith(checkDatasets('eventlogs'), 'mining the real event logs', () => {
  it('knows every file in the folder', () => {
    expect(FILES.filter((f) => !(f in FIGURES) && !(f in REFUSED))).toEqual([]);
  });

  describe.each(FILES.filter((f) => f in FIGURES))('%s', (name) => {
    it('loads with the figures a standard tool gives', async () => {
      const [cases, events, activities, variants] = FIGURES[name]!;
      const summary = mineLog(await load(name)).summary;
      expect([summary.cases, summary.events, summary.activities, summary.variants]).toEqual([
        cases,
        events,
        activities,
        variants,
      ]);
    });
  });

  describe.each(Object.keys(REFUSED))('%s', (name) => {
    it('is refused, saying what is missing', async () => {
      await expect(load(name)).rejects.toThrow(REFUSED[name]!);
    });
  });

  it('gives the running example its textbook start/end activities and directly-follows counts', async () => {
    const result = mineLog(await load('running-example.xes'));
    expect(result.startActivities).toEqual([{ activity: 'register request', count: 6 }]);
    expect(result.endActivities).toEqual([
      { activity: 'pay compensation', count: 3 },
      { activity: 'reject request', count: 3 },
    ]);
    // Counted by hand from the six traces of running-example.xes.
    expect(Object.fromEntries(result.directlyFollows.map((e) => [`${e.from} > ${e.to}`, e.frequency]))).toEqual({
      'check ticket > decide': 6,
      'examine casually > check ticket': 4,
      'decide > pay compensation': 3,
      'decide > reinitiate request': 3,
      'decide > reject request': 3,
      'register request > examine casually': 3,
      'check ticket > examine casually': 2,
      'examine casually > decide': 2,
      'examine thoroughly > check ticket': 2,
      'register request > check ticket': 2,
      'check ticket > examine thoroughly': 1,
      'examine thoroughly > decide': 1,
      'register request > examine thoroughly': 1,
      'reinitiate request > check ticket': 1,
      'reinitiate request > examine casually': 1,
      'reinitiate request > examine thoroughly': 1,
    });
    expect(result.rework.cases).toBe(2);
  });

  it('converts offsets to the right UTC instant, and takes 10_orders dates as UTC', async () => {
    const running = await load('running-example.xes');
    const case3 = running.caseIds.indexOf('3');
    // <date key="time:timestamp" value="2010-12-30T14:32:00.000+01:00"/>
    expect(running.timestamp[running.caseOffsets[case3]!]).toBe(Date.UTC(2010, 11, 30, 13, 32));
    const orders = await load('10_orders.xes.gz');
    // <string key="time:timestamp" value="2019/11/03 01:11:19.000"/>, the first event of case 3
    expect(orders.timestamp[orders.caseOffsets[orders.caseIds.indexOf('3')]!]).toBe(Date.UTC(2019, 10, 3, 1, 11, 19));
  });

  it.each([
    ['running-example.xes', 'running-example.csv'],
    ['receipt.xes', 'receipt.csv'],
    ['roadtraffic100traces.xes', 'roadtraffic100traces.csv'],
    ['interval_event_log.xes', 'interval_event_log.csv'],
  ])('gives the same figures for %s and %s', async (xes, csv) => {
    expect(comparable(mineLog(await load(csv)))).toEqual(comparable(mineLog(await load(xes))));
  });

  it('keeps complete events of bpic2012 and classifies them by name+lifecycle as PM4Py does', async () => {
    const log = await load('bpic2012.xes.gz');
    expect(mineLog(log, { lifecycle: 'complete' }).summary).toMatchObject({
      cases: 13087,
      events: 164506,
      activities: 23,
    });
    expect(mineLog(log, { classifier: 'name+lifecycle' }).summary).toMatchObject({
      events: 262200,
      activities: 36,
      variants: 4366,
    });
  });

  it('uses a classifier the log declares, by name', async () => {
    const log = await readEventLogFile(path.join(DIR, '08_receipt.xes.gz'), { classifier: 'Activity classifier' });
    const declared = mineLog(log);
    const builtIn = mineLog(await load('08_receipt.xes.gz'), { classifier: 'name+lifecycle' });
    expect(declared.activities).toEqual(builtIn.activities);
    expect(declared.variants).toEqual(builtIn.variants);
  });
});
