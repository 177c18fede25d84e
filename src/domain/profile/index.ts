/**
 * Crisis profiles: the schema of a profile file, its parser and the name
 * resolver built from it. Pure code: callers read the file and pass its text.
 */
export { type ParseProfileOptions, parseProfile } from "./parse.ts";
export {
  type ActorLookupOptions,
  createResolver,
  type ProfileResolver,
  type ResolvedAdmin,
} from "./resolver.ts";
export {
  ACTOR_TYPES,
  type ActorAlias,
  type ActorType,
  type Demand,
  type EventPattern,
  type LadderRung,
  type Profile,
  type ProfileActor,
  type ProfileAdmin1,
  type ProfileAdmin2,
  type ProfileCrossing,
  type ProfileParty,
  type ProfileRegion,
  type Thresholds,
  type WatchQuestion,
} from "./schema.ts";
