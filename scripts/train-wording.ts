// npm run train:wording [-- --cv | --check]
// Trains the wording model (src/pipeline/wording.ts) on the labelled sets and the hand-written bodies
// (test/wording/*.json) and writes its weights to
// src/pipeline/wording-model.ts. Deterministic: the same emails give the same file.
//   --cv     leave each set out in turn: train on the others, report accuracy on the one left out
//   --check  exit 1 if the shipped weights differ from what training gives now

import { readdir, readFile, writeFile } from "node:fs/promises";
import { exampleOf, exampleOfText, predict, renderModel, train, TEXT_SETS, TRAINING_SETS, type Example, type LabelledText } from "./lib/wording-train.ts";

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

async function loadTexts(name: string): Promise<Example[]> {
  const texts = JSON.parse(await readFile(`test/wording/${name}.json`, "utf8")) as LabelledText[];
  return texts.map(exampleOfText);
}

const args = new Set(process.argv.slice(2).filter((a) => a !== "--"));
const sets = await Promise.all(TRAINING_SETS.map(loadSet));
const texts = (await Promise.all(TEXT_SETS.map(loadTexts))).flat();
const all = [...sets.flat(), ...texts];

if (args.has("--cv")) {
  let right = 0;
  sets.forEach((held, k) => {
    // The hand-written bodies always train: the question is how well the model reads emails it has not seen.
    const model = train([...sets.filter((_, j) => j !== k).flat(), ...texts]);
    const ok = held.filter((e) => predict(model, e.features) >= 0.5 === e.rejection).length;
    right += ok;
    console.log(`${TRAINING_SETS[k]!.padEnd(22)} ${((100 * ok) / held.length).toFixed(1)}% of ${held.length}`);
  });
  const emails = all.length - texts.length;
  console.log(`${"each set left out".padEnd(22)} ${((100 * right) / emails).toFixed(1)}% of ${emails}`);
} else {
  const text = renderModel(train(all), all.length - texts.length, texts.length);
  if (args.has("--check")) {
    const shipped = await readFile(MODEL_FILE, "utf8").catch(() => "");
    if (shipped !== text) {
      console.error(`${MODEL_FILE} is not what training on the labelled sets gives: run npm run train:wording`);
      process.exit(1);
    }
    console.log(`${MODEL_FILE} is up to date`);
  } else {
    await writeFile(MODEL_FILE, text);
    console.log(`wrote ${MODEL_FILE} from ${all.length - texts.length} emails and ${texts.length} bodies`);
  }
}
