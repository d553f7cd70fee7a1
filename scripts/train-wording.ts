// npm run train:wording [-- --cv | --check]
// Trains the wording model (src/pipeline/wording.ts) on the labelled sets and writes its weights to
// src/pipeline/wording-model.ts. Deterministic: the same emails give the same file.
//   --cv     leave each set out in turn: train on the others, report accuracy on the one left out
//   --check  exit 1 if the shipped weights differ from what training gives now

import { readdir, readFile, writeFile } from "node:fs/promises";
import { exampleOf, predict, renderModel, train, TRAINING_SETS, type Example } from "./lib/wording-train.ts";

const MODEL_FILE = "src/pipeline/wording-model.ts";

async function loadSet(name: string): Promise<Example[]> {
  const dir = name.startsWith("heldout") ? `test/${name}` : `test/fixtures/${name}`;
  const labels = JSON.parse(await readFile(`${dir}/labels.json`, "utf8")) as Record<string, { isRejection: boolean }>;
  const files = (await readdir(`${dir}/emails`)).filter((f) => f.endsWith(".eml")).sort();
  return Promise.all(files.map(async (file) => {
    const label = labels[file];
    if (!label) throw new Error(`${dir}: no label for ${file}`);
    return exampleOf(await readFile(`${dir}/emails/${file}`), label.isRejection);
  }));
}

const args = new Set(process.argv.slice(2).filter((a) => a !== "--"));
const sets = await Promise.all(TRAINING_SETS.map(loadSet));
const all = sets.flat();

if (args.has("--cv")) {
  let right = 0;
  sets.forEach((held, k) => {
    const model = train(sets.filter((_, j) => j !== k).flat());
    const ok = held.filter((e) => predict(model, e.features) >= 0.5 === e.rejection).length;
    right += ok;
    console.log(`${TRAINING_SETS[k]!.padEnd(22)} ${((100 * ok) / held.length).toFixed(1)}% of ${held.length}`);
  });
  console.log(`${"each set left out".padEnd(22)} ${((100 * right) / all.length).toFixed(1)}% of ${all.length}`);
} else {
  const text = renderModel(train(all), all.length);
  if (args.has("--check")) {
    const shipped = await readFile(MODEL_FILE, "utf8").catch(() => "");
    if (shipped !== text) {
      console.error(`${MODEL_FILE} is not what training on the labelled sets gives: run npm run train:wording`);
      process.exit(1);
    }
    console.log(`${MODEL_FILE} is up to date`);
  } else {
    await writeFile(MODEL_FILE, text);
    console.log(`wrote ${MODEL_FILE} from ${all.length} emails`);
  }
}
