/**
 * Synthetic data for load and scale tests (`frontier simulate`): never mixed silently with
 * real data — events are stored with `simulated = true` and source records of dataset "sim".
 */
export {
  createSimulation,
  type Episode,
  type EpisodeKind,
  SIM_DATASET,
  type SimulateOptions,
  type Simulation,
  SUMMARY_PREFIX,
} from "./generate.ts";
export { crossingsOf, placesFromGazetteer, type SimCrossing, type SimPlace } from "./places.ts";
export { type Roster, rosterOf } from "./roster.ts";
export {
  type SimulationMeta,
  simulationKey,
  type WriteResult,
  writeSimulation,
} from "./write.ts";
