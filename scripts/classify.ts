// `npm run classify -- FILE.jsonl` (or `-` for standard input): one JSON object a line,
// { "id", "subject"?, "body", "sender"?, "marketplace"?, "order"? } in;
// { "id", "intent", "confidence", "language", "flags" } out, a line each, in the same order.
// A line that is not valid JSON or lacks a body is answered with intent "other", confidence 0 and
// an "error" field, so a batch never stops half way and stays line-for-line; the count of such
// lines is reported on standard error. Exit code 1 only when the file cannot be read.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import * as z from 'zod/mini';
import { classify } from '../lib/classify/classify';
import { ClassifyInput } from '../lib/classify/types';

const Line = z.object({ id: z.optional(z.union([z.string(), z.number()])) });

const source = process.argv[2];
if (!source) {
  console.error('Usage: npm run classify -- FILE.jsonl   (or - to read standard input)');
  process.exit(1);
}
const input = source === '-' ? process.stdin : createReadStream(source, 'utf8');
input.on('error', (error) => {
  console.error(`Cannot read ${source}: ${error.message}`);
  process.exit(1);
});

let failures = 0;
let lineNumber = 0;
const out: string[] = [];
const flush = () => {
  if (out.length) process.stdout.write(out.join(''));
  out.length = 0;
};
for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
  lineNumber++;
  if (raw.trim() === '') continue;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    failures++;
    out.push(`${JSON.stringify({ id: null, intent: 'other', confidence: 0, language: 'en', flags: [], error: `line ${lineNumber}: not JSON` })}\n`);
    continue;
  }
  const id = Line.safeParse(parsed).data?.id ?? null;
  const message = ClassifyInput.safeParse(parsed);
  if (!message.success) {
    failures++;
    out.push(`${JSON.stringify({ id, intent: 'other', confidence: 0, language: 'en', flags: [], error: `line ${lineNumber}: ${z.prettifyError(message.error).replace(/\n/g, ' ')}` })}\n`);
    continue;
  }
  const result = classify(message.data);
  out.push(`${JSON.stringify({ id, intent: result.intent, confidence: result.confidence, language: result.language, flags: result.flags })}\n`);
  if (out.length >= 500) flush();
}
flush();
if (failures > 0) console.error(`${failures} line(s) could not be read; each was answered with an "error" field.`);
