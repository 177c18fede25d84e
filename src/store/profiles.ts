import type { Profile } from "../domain/profile/index.ts";
import type { Sql } from "./db.ts";
import { setMeta } from "./meta.ts";

/**
 * Loads a profile into the store and makes it the active one: the profile body, its actors
 * and aliases, demands and watch questions. Rows of a previous load of the same ids are
 * replaced; demand assessments and forecasts survive (their ids are stable).
 */
export async function saveProfile(db: Sql, profile: Profile, source: string): Promise<void> {
  await db.query(
    `INSERT INTO profiles (id, name, source, body) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET name = $2, source = $3, body = $4, loaded_at = now()`,
    [profile.id, profile.name, source, JSON.stringify(profile)],
  );
  await db.query("DELETE FROM actor_aliases");
  await db.query("DELETE FROM actors WHERE NOT (id = ANY($1::text[]))", [
    profile.actors.map((a) => a.id),
  ]);
  await db.query(
    `INSERT INTO actors (id, name, type, based_in, party, parent)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type,
       based_in = excluded.based_in, party = excluded.party, parent = excluded.parent`,
    [
      profile.actors.map((a) => a.id),
      profile.actors.map((a) => a.name),
      profile.actors.map((a) => a.type),
      profile.actors.map((a) => a.basedIn),
      profile.actors.map((a) => a.party),
      profile.actors.map((a) => a.parent ?? null),
    ],
  );
  const aliases = profile.actors.flatMap((a) =>
    [...new Set(a.aliases.map((alias) => alias.name))].map((name) => [a.id, name]),
  );
  await db.query(
    `INSERT INTO actor_aliases (actor_id, alias) SELECT * FROM unnest($1::text[], $2::text[])`,
    [aliases.map((r) => r[0]), aliases.map((r) => r[1])],
  );
  await db.query(
    `INSERT INTO demands (id, title, by_party, of_party, description, rules)
     SELECT d.id, d.title, d.by_party, d.of_party, d.description, d.rules::jsonb
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
       AS d(id, title, by_party, of_party, description, rules)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, by_party = excluded.by_party,
       of_party = excluded.of_party, description = excluded.description, rules = excluded.rules`,
    [
      profile.demands.map((d) => d.id),
      profile.demands.map((d) => d.title),
      profile.demands.map((d) => d.by),
      profile.demands.map((d) => d.of),
      profile.demands.map((d) => d.description),
      profile.demands.map((d) => JSON.stringify(d.evidence)),
    ],
  );
  const questions = profile.watchQuestions;
  await db.query(
    `INSERT INTO watch_questions (id, text, rule, horizon_days)
     SELECT q.id, q.text, q.rule::jsonb, q.horizon_days
     FROM unnest($1::text[], $2::text[], $3::text[], $4::int4[]) AS q(id, text, rule, horizon_days)
     ON CONFLICT (id) DO UPDATE SET text = excluded.text, rule = excluded.rule,
       horizon_days = excluded.horizon_days`,
    [
      questions.map((q) => q.id),
      questions.map((q) => q.text),
      questions.map((q) => JSON.stringify(q.rule)),
      questions.map((q) => q.horizonDays),
    ],
  );
  await setMeta(db, "active_profile", profile.id);
}

/** The active profile as stored (already validated when it was saved), or null. */
export async function loadActiveProfileBody(
  db: Sql,
): Promise<{ body: unknown; source: string } | null> {
  const [row] = await db.query<{ body: unknown; source: string }>(
    `SELECT p.body, p.source FROM meta m JOIN profiles p ON p.id = m.value #>> '{}'
     WHERE m.key = 'active_profile'`,
  );
  return row ?? null;
}
