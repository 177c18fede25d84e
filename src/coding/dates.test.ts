import { describe, expect, it } from "vitest";
import { resolveDate } from "./dates.ts";

describe("resolveDate()", () => {
  it.each([
    // sentence, article date, start, end, precision
    [
      "On 31 December 2024, BLF militants shot dead a man.",
      undefined,
      "2024-12-31",
      "2024-12-31",
      "day",
    ],
    [
      "On September 28 2019, 2 polling centers were attacked.",
      undefined,
      "2019-09-28",
      "2019-09-28",
      "day",
    ],
    ["Militants attacked a post on 3/4/2024.", undefined, "2024-04-03", "2024-04-03", "day"],
    ["Militants attacked a checkpost yesterday.", "2024-03-14", "2024-03-13", "2024-03-13", "day"],
    ["Militants attacked a checkpost on Monday.", "2024-03-14", "2024-03-11", "2024-03-11", "day"],
    ["The border was closed on 5 March.", "2024-03-14", "2024-03-05", "2024-03-05", "day"],
    ["The border was closed on 20 December.", "2024-03-14", "2023-12-20", "2023-12-20", "day"],
    ["Attacks rose sharply in March 2023.", undefined, "2023-03-01", "2023-03-31", "month"],
    ["The group was founded in 2007.", undefined, "2007-01-01", "2007-12-31", "year"],
  ])("%s (article %s)", (sentence, articleDate, start, end, precision) => {
    expect(resolveDate(sentence, articleDate)).toMatchObject({ start, end, precision });
  });

  it.each([
    ["Militants attacked a checkpost yesterday.", undefined],
    ["Militants attacked a checkpost on Monday.", undefined],
    ["Over the past few years, Pakistan has witnessed an increase in attacks.", "2024-03-14"],
    ["This will shape security in the months ahead.", "2024-03-14"],
    ["In past incidents, Islamabad has summoned Afghan envoys.", "2024-03-14"],
    ["Security forces killed 15 militants.", "2024-03-14"],
  ])("gives no date for %s (article %s)", (sentence, articleDate) => {
    expect(resolveDate(sentence, articleDate)).toBeNull();
  });
});
