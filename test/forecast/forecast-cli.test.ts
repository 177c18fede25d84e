import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerBacktest } from "../../src/cli/commands/backtest.ts";
import { registerForecast } from "../../src/cli/commands/forecast.ts";
import { ROOT } from "../helpers/cli.ts";
import { type CliStore, createCliStore } from "../helpers/cli-store.ts";
import { importEvents, monthlyEvents, runCommand } from "./support.ts";

interface HorizonJson {
  horizon: number;
  month: string;
  point: number;
  quantiles: Record<string, number>;
  exceedance: Record<string, number>;
}
interface UnitJson {
  series: string;
  forecast: {
    origin: string;
    models: { model: string; horizons: HorizonJson[] }[];
    weights: Record<string, Record<string, number>>;
  } | null;
  reason?: string;
}

describe("frontier forecast and frontier backtest", () => {
  let store: CliStore;
  let dataDir: string[];
  const countForecasts = async () => {
    const db = await store.open();
    try {
      const [row] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM forecasts");
      return row?.n ?? 0;
    } finally {
      await db.close();
    }
  };

  beforeAll(async () => {
    store = await createCliStore();
    process.env.DATABASE_URL = store.env.DATABASE_URL;
    dataDir = ["--data-dir", store.dataDir];
    // Pakistan 2018-01 … 2022-12: 4 to 12 events a month, 5 killed each; nothing in Afghanistan.
    const db = await store.open();
    try {
      await importEvents(
        db,
        "f1",
        monthlyEvents("2018-01", 60, (m) => 4 + ((m * 7) % 9), { fatalitiesBest: 5 }),
      );
    } finally {
      await db.close();
    }
  });
  afterAll(async () => {
    await store.cleanup();
  });

  it("forecasts 1–6 months after the last month of data, with ordered intervals, and stores them once", async () => {
    const args = ["forecast", "--json", "--samples", "200", "--country", "PAK", "AFG", ...dataDir];
    const io = await runCommand(registerForecast, args);
    const { units } = JSON.parse(io.stdout.join("")) as { units: UnitJson[] };
    const pak = units.find((u) => u.series === "fatalities:PAK");
    expect(pak?.forecast?.origin).toBe("2022-12");
    const models = pak?.forecast?.models.map((m) => m.model) ?? [];
    expect(models).toEqual(expect.arrayContaining(["no-change", "negbin", "hawkes", "ensemble"]));
    const ensemble = pak?.forecast?.models.find((m) => m.model === "ensemble");
    expect(ensemble?.horizons.map((h) => h.month)).toEqual([
      "2023-01",
      "2023-02",
      "2023-03",
      "2023-04",
      "2023-05",
      "2023-06",
    ]);
    for (const h of ensemble?.horizons ?? []) {
      const q = h.quantiles;
      expect(q["0.05"]).toBeLessThanOrEqual(q["0.25"] ?? 0);
      expect(q["0.25"]).toBeLessThanOrEqual(q["0.75"] ?? 0);
      expect(q["0.75"]).toBeLessThanOrEqual(q["0.95"] ?? 0);
      // 20–60 killed a month so far: the forecast stays in that world.
      expect(h.point).toBeGreaterThan(10);
      expect(h.point).toBeLessThan(100);
    }
    const weights = Object.values(pak?.forecast?.weights["1"] ?? {});
    expect(weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 10);
    expect(units.find((u) => u.series === "fatalities:AFG")).toMatchObject({
      forecast: null,
      reason: "no imported file covers it",
    });
    const stored = await countForecasts();
    expect(stored).toBe(models.length * 6);
    // The same data again: nothing new is stored.
    await runCommand(registerForecast, args);
    expect(await countForecasts()).toBe(stored);
  });

  it("prints a table and stores nothing with --no-save", async () => {
    const before = await countForecasts();
    const io = await runCommand(registerForecast, [
      "forecast",
      "--target",
      "events",
      "--samples",
      "100",
      "--no-save",
      "--country",
      "PAK",
      ...dataDir,
    ]);
    expect(io.stdout.join("\n")).toMatch(/events:PAK — monthly events after 2022-12/);
    expect(await countForecasts()).toBe(before);
  });

  it("backtests every model against no-change per horizon", async () => {
    const args = [
      "backtest",
      "--json",
      "--samples",
      "100",
      "--country",
      "PAK",
      "--from",
      "2021-06",
      ...dataDir,
    ];
    const io = await runCommand(registerBacktest, args);
    const { series } = JSON.parse(io.stdout.join("")) as {
      series: {
        series: string;
        from: string;
        to: string;
        origins: number;
        table: { horizon: number; rows: { model: string; n: number; skill: unknown }[] }[];
      }[];
    };
    const pak = series[0];
    expect(pak).toMatchObject({ series: "fatalities:PAK", from: "2021-06", to: "2022-12" });
    expect(pak?.table.map((t) => t.horizon)).toEqual([1, 2, 3, 4, 5, 6]);
    const h1 = pak?.table[0]?.rows ?? [];
    expect(h1.find((r) => r.model === "no-change")).toMatchObject({ n: 18, skill: null });
    expect(h1.find((r) => r.model === "ensemble")?.n).toBe(18);
    const text = await runCommand(registerBacktest, [
      "backtest",
      "--samples",
      "50",
      "--country",
      "PAK",
      "--from",
      "2022-06",
      ...dataDir,
    ]);
    expect(text.stdout.join("\n")).toMatch(
      /best: MSE .*, CRPS .* — (beats|does not beat) no-change/,
    );
  });

  it("backtests UCDP files imported into a temporary store with --ucdp", async () => {
    const file = join(ROOT, "test/fixtures/ingest/ucdp-hdx.csv");
    const io = await runCommand(registerBacktest, [
      "backtest",
      "--json",
      "--samples",
      "20",
      "--ucdp",
      file,
    ]);
    const { series } = JSON.parse(io.stdout.join("")) as {
      series: { series: string; origins: number }[];
    };
    expect(series.map((s) => s.series)).toEqual(["fatalities:PAK", "fatalities:AFG"]);
    expect(io.stderr.join("")).toMatch(/ucdp-hdx\.csv: \d+ events in a temporary store/);
  });

  it("rejects a bad month", async () => {
    await expect(
      runCommand(registerBacktest, ["backtest", "--from", "2021-13", ...dataDir]),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/--from: must be a month written YYYY-MM/),
    });
  });
});
