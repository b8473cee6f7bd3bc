import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { currentOpenApiDocument, generateApiTypes } from '../support/openapi-document.js';

const generatedFile = fileURLToPath(new URL('../../src/client/api-schema.generated.ts', import.meta.url));

describe('generated API client types', () => {
  it('GIVEN the API as it is now THEN src/client/api-schema.generated.ts equals openapi-typescript output of its OpenAPI document', async () => {
    const expected = await generateApiTypes(await currentOpenApiDocument());
    if (process.env.UPDATE_API_TYPES === '1') await writeFile(generatedFile, expected);
    const actual = await readFile(generatedFile, 'utf8');
    // A failure here means the API changed: regenerate with the command in the file's banner.
    expect(actual).toBe(expected);
  });
});
