import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kindsFile, loadOpenApi, renderKinds, renderTypes, typesFile } from '../../scripts/gen-web-api.ts';

// The web app's API types and kind labels are generated from the server; this fails when a
// server change was not followed by `node --import tsx scripts/gen-web-api.ts`.

const format = (file: string, text: string) =>
  execFileSync('node_modules/.bin/biome', ['format', `--stdin-file-path=${file}`], { input: text, encoding: 'utf8' });

describe('generated web API files', () => {
  it('schema.gen.ts matches the OpenAPI document', async () => {
    expect(readFileSync(typesFile, 'utf8')).toBe(format(typesFile, renderTypes(await loadOpenApi())));
  });

  it('record-kinds.gen.ts matches the record kinds', () => {
    expect(readFileSync(kindsFile, 'utf8')).toBe(format(kindsFile, renderKinds()));
  });
});
