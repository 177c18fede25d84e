/**
 * Writes a simulation to the store, all-or-nothing, as one labelled "file" of dataset "sim":
 * its events carry `simulated = true` (every view marks them; analysis never counts them) and
 * its source records the generator, seed and episode. Bulk inserts, a batch per round trip.
 */
import { createHash } from "node:crypto";
import type { SourceRecord } from "../domain/event.ts";
import type { Db } from "../store/db.ts";
import { hashRaw, insertEvents, insertSourceRecords } from "../store/event-rows.ts";
import { findImportedFile, finishFile, startFile } from "../store/importer.ts";
import { SIM_DATASET, type Simulation } from "./generate.ts";

export interface SimulationMeta {
  seed: number;
  count: number;
  from: string;
  to: string;
  profileId: string;
}

export interface WriteResult {
  /** False when the same simulation (same seed, size, dates, profile) was stored before. */
  stored: boolean;
  events: number;
  seconds: number;
}

/** The simulation's identity: a digest of what determines its records. */
export function simulationKey(meta: SimulationMeta): { sha256: string; key: string } {
  const sha256 = createHash("sha256").update(JSON.stringify(meta)).digest("hex");
  return { sha256, key: `sim-${meta.seed}-${sha256.slice(0, 8)}` };
}

export async function writeSimulation(
  db: Db,
  simulation: Simulation,
  meta: SimulationMeta,
  options: { batchSize?: number; onProgress?: (written: number) => void } = {},
): Promise<WriteResult> {
  const started = performance.now();
  const { sha256 } = simulationKey(meta);
  const file = {
    dataset: SIM_DATASET,
    name: `simulated: seed ${meta.seed}, ${meta.count} events, ${meta.from} … ${meta.to}`,
    sha256,
    bytes: 0,
  };
  if (await findImportedFile(db, file)) {
    return { stored: false, events: 0, seconds: (performance.now() - started) / 1000 };
  }
  const batchSize = options.batchSize ?? 5000;
  let written = 0;
  await db.transaction(async (tx) => {
    const ids = await startFile(tx, file);
    let batch: SourceRecord[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const eventIds = await insertEvents(
        tx,
        batch.map((r) => r.event),
        { simulated: true },
      );
      await insertSourceRecords(
        tx,
        ids.fileId,
        batch.map((record, i) => ({
          record,
          rawHash: hashRaw(record.raw),
          eventId: eventIds[i] ?? 0,
        })),
      );
      written += batch.length;
      batch = [];
      options.onProgress?.(written);
    };
    for (const record of simulation.records()) {
      batch.push(record);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    await finishFile(tx, ids, {
      file: file.name,
      rows: written,
      simulated: true,
      seed: meta.seed,
      episodes: simulation.episodes.length,
    });
  });
  return { stored: true, events: written, seconds: (performance.now() - started) / 1000 };
}
