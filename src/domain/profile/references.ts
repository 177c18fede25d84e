/**
 * Cross-reference checks of a profile that parsed: unique ids, actor and
 * admin-unit references that exist, aliases that name one thing only, a
 * ladder numbered 1..n. Each problem carries the path of the field at fault.
 */
import { adminKey, nameKey } from "./normalize.ts";
import type { ActorAlias, EventPattern, Profile, ProfileActor } from "./schema.ts";

export type IssuePath = ReadonlyArray<string | number>;

export interface ProfileIssue {
  path: IssuePath;
  message: string;
}

type Report = (path: IssuePath, message: string) => void;

/** Every reference problem of `profile`, in document order. */
export function checkReferences(profile: Profile): ProfileIssue[] {
  const issues: ProfileIssue[] = [];
  const report: Report = (path, message) => issues.push({ path, message });
  const partyCodes = new Set(profile.parties.map((party) => party.iso3));
  const actorIds = new Set(profile.actors.map((actor) => actor.id));

  checkParties(profile, report);
  checkRegion(profile, report);
  checkActors(profile, partyCodes, report);

  const checkPattern = (pattern: EventPattern, path: IssuePath) =>
    checkPatternRefs(pattern, { path, actorIds, partyCodes, report });

  checkUnique(profile.demands, ["demands"], report);
  profile.demands.forEach((demand, i) => {
    const path = ["demands", i];
    if (!partyCodes.has(demand.by) && !actorIds.has(demand.by)) {
      report([...path, "by"], `"${demand.by}" is neither a party nor an actor id`);
    }
    if (!partyCodes.has(demand.of)) report([...path, "of"], `unknown party "${demand.of}"`);
    for (const kind of ["progress", "breach"] as const) {
      demand.evidence[kind].forEach((pattern, j) => {
        checkPattern(pattern, [...path, "evidence", kind, j]);
      });
    }
  });

  checkUnique(profile.watchQuestions, ["watchQuestions"], report);
  profile.watchQuestions.forEach((question, i) => {
    checkPattern(question.rule.pattern, ["watchQuestions", i, "rule", "pattern"]);
  });

  checkUnique(profile.escalationLadder, ["escalationLadder"], report);
  profile.escalationLadder.forEach((rung, i) => {
    if (rung.rung !== i + 1) {
      report(["escalationLadder", i, "rung"], `expected rung ${i + 1} here, got ${rung.rung}`);
    }
    checkPattern(rung.pattern, ["escalationLadder", i, "pattern"]);
  });

  checkThresholds(profile, report);
  return issues;
}

function checkUnique(items: ReadonlyArray<{ id: string }>, path: IssuePath, report: Report): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, i);
    else report([...path, i, "id"], `duplicate id "${item.id}" (first used at index ${first})`);
  });
}

function checkParties(profile: Profile, report: Report): void {
  const seen = new Set<string>();
  profile.parties.forEach((party, i) => {
    if (seen.has(party.iso3)) report(["parties", i, "iso3"], `duplicate party "${party.iso3}"`);
    seen.add(party.iso3);
    if (!profile.region.countries.includes(party.iso3)) {
      report(["parties", i, "iso3"], `party "${party.iso3}" is not in region.countries`);
    }
  });
}

/** Records names under keys; reports a key that a different owner already holds. */
function claimNames(owners: Map<string, string>, names: readonly string[], owner: string) {
  for (const name of names) {
    const key = adminKey(name);
    const holder = owners.get(key);
    if (holder !== undefined && holder !== owner) return `name "${name}" is also used by ${holder}`;
    owners.set(key, owner);
  }
  return null;
}

function checkRegion(profile: Profile, report: Report): void {
  const { region } = profile;
  const countries = new Set(region.countries);
  const admin1Names = new Map<string, Set<string>>();

  for (const [country, units] of Object.entries(region.admin1)) {
    if (!countries.has(country)) report(["region", "admin1", country], "not in region.countries");
    const owners = new Map<string, string>();
    admin1Names.set(country, new Set(units.map((unit) => unit.name)));
    units.forEach((unit, i) => {
      const clash = claimNames(owners, [unit.name, ...unit.aliases], `"${unit.name}"`);
      if (clash !== null) report(["region", "admin1", country, i], clash);
    });
    units.forEach((unit, i) => {
      const target = unit.mergedInto;
      if (
        target !== undefined &&
        (target === unit.name || !admin1Names.get(country)?.has(target))
      ) {
        report(["region", "admin1", country, i, "mergedInto"], `unknown admin1 unit "${target}"`);
      }
    });
  }

  const admin2Of = new Map<string, string>();
  for (const [country, units] of Object.entries(region.admin2)) {
    if (!countries.has(country)) report(["region", "admin2", country], "not in region.countries");
    const known = admin1Names.get(country) ?? new Set<string>();
    const owners = new Map<string, string>();
    units.forEach((unit, i) => {
      const path = ["region", "admin2", country, i];
      const clash = claimNames(owners, [unit.name, ...unit.aliases], `"${unit.name}"`);
      if (clash !== null) report(path, clash);
      if (!known.has(unit.admin1))
        report([...path, "admin1"], `unknown admin1 unit "${unit.admin1}"`);
      if (unit.formerAdmin1 !== undefined && !known.has(unit.formerAdmin1)) {
        report([...path, "formerAdmin1"], `unknown admin1 unit "${unit.formerAdmin1}"`);
      }
      admin2Of.set(`${country}/${unit.name}`, unit.admin1);
    });
  }

  checkUnique(region.crossings, ["region", "crossings"], report);
  const crossingOwners = new Map<string, string>();
  region.crossings.forEach((crossing, i) => {
    const path = ["region", "crossings", i];
    const clash = claimNames(crossingOwners, [crossing.name, ...crossing.aliases], crossing.id);
    if (clash !== null) report(path, clash);
    for (const [country, side] of Object.entries(crossing.sides)) {
      const sidePath = [...path, "sides", country];
      if (!countries.has(country)) report(sidePath, "not in region.countries");
      else if (!admin1Names.get(country)?.has(side.admin1)) {
        report([...sidePath, "admin1"], `unknown admin1 unit "${side.admin1}"`);
      } else if (side.admin2 !== undefined) {
        const parent = admin2Of.get(`${country}/${side.admin2}`);
        if (parent === undefined)
          report([...sidePath, "admin2"], `unknown admin2 unit "${side.admin2}"`);
        else if (parent !== side.admin1) {
          report([...sidePath, "admin2"], `"${side.admin2}" is in ${parent}, not ${side.admin1}`);
        }
      }
    }
  });
}

interface Period {
  from?: string | undefined;
  to?: string | undefined;
}

/** Whether two validity periods share a day; open ends are unbounded. */
function periodsOverlap(a: Period, b: Period): boolean {
  const startsBeforeEnd = (x: Period, y: Period) =>
    x.from === undefined || y.to === undefined || x.from < y.to;
  return startsBeforeEnd(a, b) && startsBeforeEnd(b, a);
}

const formatBase = (iso3: string | null) => (iso3 === null ? "null" : `"${iso3}"`);

/**
 * `basedInHistory`: each period ordered, no two overlapping, and a period still open today (no
 * `to`) agreeing with `basedIn`, which is what a lookup without a date answers.
 */
function checkBasedInHistory(actor: ProfileActor, path: IssuePath, report: Report): void {
  actor.basedInHistory.forEach((period, j) => {
    const periodPath = [...path, "basedInHistory", j];
    if (period.from !== undefined && period.to !== undefined && period.from >= period.to) {
      report(periodPath, `"from" ${period.from} is not before "to" ${period.to}`);
    }
    const earlier = actor.basedInHistory.slice(0, j).findIndex((p) => periodsOverlap(p, period));
    if (earlier !== -1) report(periodPath, `overlaps basedInHistory[${earlier}]`);
    if (period.to === undefined && period.iso3 !== actor.basedIn) {
      report(
        [...periodPath, "iso3"],
        `the period open to today says ${formatBase(period.iso3)} but basedIn is ${formatBase(actor.basedIn)}`,
      );
    }
  });
}

function checkActors(profile: Profile, partyCodes: ReadonlySet<string>, report: Report): void {
  checkUnique(profile.actors, ["actors"], report);
  const byId = new Map(profile.actors.map((actor) => [actor.id, actor]));
  const aliasOwners = new Map<string, Array<{ actorId: string; alias: ActorAlias }>>();

  profile.actors.forEach((actor, i) => {
    const path = ["actors", i];
    if (actor.party !== null && !partyCodes.has(actor.party)) {
      report([...path, "party"], `unknown party "${actor.party}"`);
    }
    if (actor.parent !== undefined) {
      if (!byId.has(actor.parent)) report([...path, "parent"], `unknown actor "${actor.parent}"`);
      else if (hasCycle(actor.id, byId)) report([...path, "parent"], "parent chain loops back");
    }
    checkBasedInHistory(actor, path, report);
    const names: Array<{ alias: ActorAlias; path: IssuePath }> = [
      { alias: { name: actor.name }, path: [...path, "name"] },
      ...actor.aliases.map((alias, j) => ({ alias, path: [...path, "aliases", j] })),
    ];
    for (const { alias, path: aliasPath } of names) {
      if (alias.from !== undefined && alias.to !== undefined && alias.from >= alias.to) {
        report(aliasPath, `"from" ${alias.from} is not before "to" ${alias.to}`);
      }
      const key = nameKey(alias.name);
      const owners = aliasOwners.get(key) ?? [];
      const clash = owners.find((o) => o.actorId !== actor.id && periodsOverlap(o.alias, alias));
      if (clash !== undefined) {
        report(aliasPath, `alias "${alias.name}" also names actor "${clash.actorId}"`);
      }
      owners.push({ actorId: actor.id, alias });
      aliasOwners.set(key, owners);
    }
  });
}

function hasCycle(start: string, byId: ReadonlyMap<string, { parent?: string | undefined }>) {
  const seen = new Set<string>([start]);
  let next = byId.get(start)?.parent;
  while (next !== undefined) {
    if (seen.has(next)) return true;
    seen.add(next);
    next = byId.get(next)?.parent;
  }
  return false;
}

interface PatternContext {
  path: IssuePath;
  actorIds: ReadonlySet<string>;
  partyCodes: ReadonlySet<string>;
  report: Report;
}

function checkPatternRefs(pattern: EventPattern, context: PatternContext): void {
  const { path, actorIds, partyCodes, report } = context;
  for (const field of ["actor", "target"] as const) {
    for (const ref of pattern[field] ?? []) {
      if (!actorIds.has(ref)) report([...path, field], `unknown actor "${ref}"`);
    }
  }
  for (const field of ["actorParty", "targetParty"] as const) {
    for (const code of pattern[field] ?? []) {
      if (!partyCodes.has(code)) report([...path, field], `unknown party "${code}"`);
    }
  }
  const { crossBorder } = pattern;
  if (typeof crossBorder === "string") {
    const [from, to] = crossBorder.split("->");
    if (from === to) report([...path, "crossBorder"], `direction "${crossBorder}" goes nowhere`);
  }
}

function checkThresholds(profile: Profile, report: Report): void {
  const { escalationIndex, ladderRung } = profile.thresholds;
  for (const [name, levels] of [
    ["escalationIndex", escalationIndex],
    ["ladderRung", ladderRung],
  ] as const) {
    if (!(levels.elevated < levels.high && levels.high < levels.severe)) {
      report(["thresholds", name], "levels must rise: elevated < high < severe");
    }
  }
  const rungs = profile.escalationLadder.length;
  for (const level of ["elevated", "high", "severe"] as const) {
    const value = ladderRung[level];
    if (!Number.isInteger(value) || value < 1 || value > rungs) {
      report(["thresholds", "ladderRung", level], `must be a rung from 1 to ${rungs}`);
    }
  }
}
