import { describe, expect, it } from 'vitest';
import { schemaForProvider, toAnthropicSchema, toGeminiSchema, toOpenAiStrictSchema } from '../../src/index.js';

// Each provider accepts a different subset of JSON Schema for structured output. These are the rules of each
// dialect, one schema shape per rule, written out by hand so the expected schema can be read beside the input.

describe('OpenAI strict dialect', () => {
  it('GIVEN optional properties of every kind THEN all are required and each optional one accepts null', () => {
    const input = {
      type: 'object',
      properties: {
        name: { type: 'string' },
        mood: { type: 'string', enum: ['happy', 'sad'] },
        size: { type: ['integer', 'string'] },
        maybe: { type: ['string', 'null'] },
        pick: { anyOf: [{ type: 'string' }, { type: 'number' }] },
        ref: { $ref: '#/$defs/Thing' },
      },
      required: ['name'],
    };
    expect(toOpenAiStrictSchema(input)).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string' },
        mood: { type: ['string', 'null'], enum: ['happy', 'sad', null] },
        size: { type: ['integer', 'string', 'null'] },
        maybe: { type: ['string', 'null'] },
        pick: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'null' }] },
        ref: { anyOf: [{ $ref: '#/$defs/Thing' }, { type: 'null' }] },
      },
      required: ['name', 'mood', 'size', 'maybe', 'pick', 'ref'],
      additionalProperties: false,
    });
  });

  it('GIVEN nesting through items, tuples, unions, $defs and maps THEN every object inside is closed and oneOf becomes anyOf', () => {
    const inner = { properties: { a: { type: 'string' } } };
    const input = {
      type: 'object',
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      properties: {
        list: { type: 'array', items: inner },
        pair: { type: 'array', prefixItems: [inner, { type: 'number', default: 1 }] },
        either: { oneOf: [inner, { type: 'null' }] },
        map: { type: 'object', additionalProperties: inner },
      },
      required: ['list', 'pair', 'either', 'map'],
      $defs: { Inner: inner },
      definitions: { Old: inner },
    };
    const closed = { properties: { a: { type: ['string', 'null'] } }, required: ['a'], additionalProperties: false };
    expect(toOpenAiStrictSchema(input)).toEqual({
      type: 'object',
      properties: {
        list: { type: 'array', items: closed },
        pair: { type: 'array', prefixItems: [closed, { type: 'number' }] },
        either: { anyOf: [closed, { type: 'null' }] },
        // Strict mode has no maps (additionalProperties must be false): a map becomes a closed, empty object.
        map: { type: 'object', additionalProperties: false, properties: {}, required: [] },
      },
      required: ['list', 'pair', 'either', 'map'],
      additionalProperties: false,
      $defs: { Inner: closed },
      definitions: { Old: closed },
    });
  });
});

describe('Anthropic dialect', () => {
  it('GIVEN numeric and length limits THEN they are removed, minItems is capped at 1 and objects are closed', () => {
    const input = {
      type: 'object',
      properties: {
        age: { type: 'integer', minimum: 0, maximum: 150 },
        tags: { type: 'array', items: { type: 'string', maxLength: 10 }, minItems: 3, maxItems: 5 },
        one: { type: 'array', items: { type: 'string' }, minItems: 1 },
      },
      required: ['age'],
    };
    expect(toAnthropicSchema(input)).toEqual({
      type: 'object',
      properties: {
        age: { type: 'integer' },
        tags: { type: 'array', items: { type: 'string' }, minItems: 1 },
        one: { type: 'array', items: { type: 'string' }, minItems: 1 },
      },
      required: ['age'],
      additionalProperties: false,
    });
  });
});

describe('Gemini dialect', () => {
  it('GIVEN const and keywords Gemini does not document THEN const becomes an enum and the rest are dropped', () => {
    const input = {
      type: 'object',
      properties: { kind: { const: 'dog', description: 'always dog' }, n: { type: 'number', multipleOf: 2 } },
      additionalProperties: false,
      required: ['kind'],
    };
    expect(toGeminiSchema(input)).toEqual({
      type: 'object',
      properties: { kind: { enum: ['dog'], description: 'always dog' }, n: { type: 'number' } },
      additionalProperties: false,
      required: ['kind'],
    });
  });
});

describe('schemaForProvider', () => {
  it('GIVEN each provider THEN its own dialect (xAI shares OpenAI’s)', () => {
    const schema = { type: 'object', properties: { a: { type: 'string', maxLength: 3 } } };
    expect(schemaForProvider('openai', schema)).toEqual(toOpenAiStrictSchema(schema));
    expect(schemaForProvider('xai', schema)).toEqual(toOpenAiStrictSchema(schema));
    expect(schemaForProvider('anthropic', schema)).toEqual(toAnthropicSchema(schema));
    expect(schemaForProvider('gemini', schema)).toEqual(toGeminiSchema(schema));
  });
});
