import {
  DiscardPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
  type StreamInfo,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { errorMessage, InputError } from '../../shared/index.js';
import type { CompiledNatsOptions } from './nats-options.js';

async function streamInfo(jsm: JetStreamManager, name: string): Promise<StreamInfo | undefined> {
  try {
    return await jsm.streams.info(name);
  } catch (error) {
    if (error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound) return undefined;
    throw error;
  }
}

function refuseForeign(info: StreamInfo, subjects: string): void {
  if (info.config.subjects?.includes(subjects)) return;
  throw new InputError(
    `The JetStream stream "${info.config.name}" already exists for ${JSON.stringify(info.config.subjects ?? [])}, not "${subjects}"; choose another stream (CELLO_NATS_STREAM) or subject prefix (CELLO_NATS_SUBJECT_PREFIX), or delete that stream.`,
    { field: 'CELLO_NATS_STREAM', value: info.config.name },
  );
}

/**
 * Makes sure the stream exists and captures `<prefix>.>`: file storage, bounded by age and count, oldest
 * dropped first. Instances starting together may race to create it; the loser finds the winner's stream.
 */
export async function ensureStream(jsm: JetStreamManager, options: CompiledNatsOptions): Promise<void> {
  const subjects = `${options.subjectPrefix}.>`;
  const existing = await streamInfo(jsm, options.stream);
  if (existing) return refuseForeign(existing, subjects);
  try {
    await jsm.streams.add({
      name: options.stream,
      subjects: [subjects],
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      discard: DiscardPolicy.Old,
      max_age: nanos(options.maxAgeMs),
      max_msgs: options.maxMessages,
      num_replicas: 1,
    });
  } catch (error) {
    const raced = await streamInfo(jsm, options.stream).catch(() => undefined);
    if (raced) return refuseForeign(raced, subjects);
    throw new InputError(
      `Creating the JetStream stream "${options.stream}" for "${subjects}" failed: ${errorMessage(error)}. If another stream already captures these subjects, choose another subject prefix (CELLO_NATS_SUBJECT_PREFIX).`,
      { field: 'CELLO_NATS_STREAM', value: options.stream },
    );
  }
}
