import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/store/db.ts";
import {
  coverageSpans,
  hasForecast,
  insertQuestion,
  listQuestions,
  monthlyTotals,
  questionForecasts,
  saveForecasts,
  saveResolution,
} from "../../src/store/forecast-queries.ts";
import { openTestDb } from "../helpers/store.ts";
import { importEvents } from "./support.ts";

describe(`forecast queries on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb();
    await importEvents(db, "pak-only", [
      { dateStart: "2020-01-05", fatalitiesBest: 3 },
      {
        dateStart: "2020-01-20",
        fatalitiesBest: 4,
        crossBorder: { isCrossBorder: false, direction: null },
      },
      { dateStart: "2020-03-02", fatalitiesBest: null, admin1: "Balochistan" },
    ]);
    await importEvents(db, "both", [
      { dateStart: "2020-06-10", fatalitiesBest: 1 },
      { dateStart: "2020-07-10", countryIso3: "AFG", admin1: "Kunar", fatalitiesBest: 9 },
    ]);
  });
  afterAll(async () => {
    await db.close();
  });

  it("monthlyTotals() counts events, best fatalities and cross-border events per month", async () => {
    expect(await monthlyTotals(db, { country: "PAK", dataset: "ucdp" })).toEqual([
      { month: "2020-01", events: 2, fatalities: 7, crossBorder: 1 },
      { month: "2020-03", events: 1, fatalities: 0, crossBorder: 1 },
      { month: "2020-06", events: 1, fatalities: 1, crossBorder: 1 },
    ]);
    expect(await monthlyTotals(db, { country: "PAK", admin1: "Balochistan" })).toHaveLength(1);
    expect(await monthlyTotals(db, { country: "PAK", dataset: "acled" })).toEqual([]);
  });

  it("coverageSpans() gives each file's span, per country when asked", async () => {
    expect(await coverageSpans(db, { country: "PAK" })).toEqual([
      { first: "2020-01-05", last: "2020-03-02" },
      { first: "2020-06-10", last: "2020-06-10" },
    ]);
    // The Pakistan-only file says nothing about Afghanistan.
    expect(await coverageSpans(db, { country: "AFG" })).toEqual([
      { first: "2020-07-10", last: "2020-07-10" },
    ]);
    expect(await coverageSpans(db, {})).toHaveLength(2);
  });

  it("stores questions with their opening day, forecasts as history, and resolutions", async () => {
    const rule = { pattern: { country: ["PAK"] }, count: 1, windowDays: 7 };
    const q = {
      id: "q1",
      text: "Q?",
      rule,
      horizonDays: 30,
      opensOn: "2020-01-01",
      createdBy: "cli",
    };
    expect(await insertQuestion(db, q)).toBe(true);
    expect(await insertQuestion(db, q)).toBe(false);
    await saveForecasts(db, [
      {
        questionId: "q1",
        target: "question:q1",
        model: "base-rate",
        horizonDays: 30,
        probability: 0.25,
        point: null,
        quantiles: null,
        details: { dataEnd: "2019-12-31", fingerprint: "a" },
      },
      {
        questionId: null,
        target: "fatalities:PAK",
        model: "negbin",
        horizonDays: 31,
        probability: null,
        point: 12.5,
        quantiles: { "0.5": 12 },
        details: { fingerprint: "b" },
      },
    ]);
    expect(await hasForecast(db, "fatalities:PAK", "b")).toBe(true);
    expect(await hasForecast(db, "fatalities:PAK", "c")).toBe(false);
    const history = await questionForecasts(db, ["q1"]);
    expect(history).toMatchObject([
      { questionId: "q1", probability: 0.25, details: { dataEnd: "2019-12-31" } },
    ]);
    await saveResolution(db, "q1", {
      status: "resolved_yes",
      resolvedOn: "2020-01-05",
      details: { events: [] },
    });
    const [stored] = await listQuestions(db);
    expect(stored).toMatchObject({
      id: "q1",
      status: "resolved_yes",
      resolvedOn: "2020-01-05",
      opensOn: "2020-01-01",
      rule,
    });
    // A resolution is final: a second one does not overwrite it.
    await saveResolution(db, "q1", {
      status: "resolved_no",
      resolvedOn: "2020-02-01",
      details: {},
    });
    expect((await listQuestions(db))[0]?.status).toBe("resolved_yes");
  });
});
