import { describe, expect, it } from "vitest";
import { type AlertDay, detectAlerts, levelOf } from "./alerts.ts";
import type { RungReach } from "./escalation.ts";

const thresholds = {
  escalationIndex: { elevated: 10, high: 30, severe: 60 },
  ladderRung: { elevated: 2, high: 4, severe: 5 },
};

function reach(rung: number): RungReach {
  return { rung, id: `r${rung}`, name: `Rung ${rung}`, date: "2026-06-01", eventIds: [rung * 100] };
}

function days(series: [number, number][]): AlertDay[] {
  return series.map(([index7, rung], i) => ({
    date: `2026-06-${String(i + 1).padStart(2, "0")}`,
    index7,
    rung7: rung === 0 ? null : reach(rung),
    windowEventIds: [i],
  }));
}

describe("levelOf()", () => {
  it.each([
    [9.99, null],
    [10, "elevated"],
    [29.9, "elevated"],
    [30, "high"],
    [60, "severe"],
  ])("%d is %s", (value, level) => {
    expect(levelOf(value, thresholds.escalationIndex)).toBe(level);
  });
});

describe("detectAlerts()", () => {
  it("raises an index alert each time the 7-day mean enters a higher band, none on falls", () => {
    const alerts = detectAlerts(
      days([
        [5, 0],
        [12, 0], // → elevated
        [35, 0], // → high
        [20, 0], // falls: nothing
        [31, 0], // high again from elevated
        [75, 0], // → severe
        [10, 0],
      ]),
      thresholds,
      null,
    );
    expect(alerts.map((a) => [a.day, a.kind, a.level, a.previous])).toEqual([
      ["2026-06-02", "index-level", "elevated", 5],
      ["2026-06-03", "index-level", "high", 12],
      ["2026-06-05", "index-level", "high", 20],
      ["2026-06-06", "index-level", "severe", 31],
    ]);
    expect(alerts[0]?.eventIds).toEqual([1]);
  });

  it("raises a rung alert when the 7-day highest rung rises to elevated or above", () => {
    const alerts = detectAlerts(
      days([
        [0, 0],
        [0, 1], // rung 1 is below `elevated`: no alert
        [0, 2], // elevated
        [0, 3], // elevated again, a higher rung
        [0, 3],
        [0, 4], // high
        [0, 2], // falls
        [0, 5], // severe
        [0, 6], // severe
      ]),
      thresholds,
      null,
    );
    expect(alerts.map((a) => [a.day, a.level, a.value, a.previous])).toEqual([
      ["2026-06-03", "elevated", 2, 1],
      ["2026-06-04", "elevated", 3, 2],
      ["2026-06-06", "high", 4, 3],
      ["2026-06-08", "severe", 5, 2],
      ["2026-06-09", "severe", 6, 5],
    ]);
    expect(alerts[2]?.rung).toEqual({ rung: 4, id: "r4", name: "Rung 4" });
    expect(alerts[2]?.eventIds).toEqual([400]);
  });

  it("compares the first day with the day before the window", () => {
    const [first] = days([[40, 5]]);
    const before: AlertDay = {
      date: "2026-05-31",
      index7: 40,
      rung7: reach(5),
      windowEventIds: [],
    };
    expect(detectAlerts(first === undefined ? [] : [first], thresholds, before)).toEqual([]);
    const withoutBefore = detectAlerts(first === undefined ? [] : [first], thresholds, null);
    expect(withoutBefore).toEqual([]);
    const afterQuiet = detectAlerts(days([[40, 5]]), thresholds, {
      ...before,
      index7: 0,
      rung7: null,
    });
    expect(afterQuiet.map((a) => a.kind)).toEqual(["index-level", "rung-rise"]);
  });
});
