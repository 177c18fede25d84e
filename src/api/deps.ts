import type { Profile } from "../domain/profile/index.ts";
import type { Db } from "../store/db.ts";

export interface AppDeps {
  db: Db;
  profile: Profile;
  logger?: boolean;
  /** The built dashboard (`web/dist`); without it `/` says how to build it. */
  webDir?: string | null;
  /** Boundary GeoJSON files for the map, served read-only; without it the map has no outlines. */
  geoDir?: string | null;
  /** Today's date (YYYY-MM-DD): the default `asOf` of the analysis routes. */
  today?: () => string;
  /** The clock of the verification mechanism (filing, deadlines, sessions); tests set it. */
  now?: () => Date;
}
