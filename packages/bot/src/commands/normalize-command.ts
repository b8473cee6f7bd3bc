type Json = Record<string, unknown>;

/** Fields compared only when the desired command sets them: Discord fills them with defaults of its own. */
const OPTIONAL_FIELDS = ['contexts', 'integration_types', 'dm_permission', 'handler'] as const;

/**
 * A command body reduced to what matters for equality: Discord's defaults made explicit (type 1,
 * `required: false`, …), empty localization maps dropped, keys sorted. `reference` (the desired body)
 * decides whether fields Discord fills on its own (`contexts`, `integration_types`, …) are compared.
 */
export function normalizeCommand(body: Json, reference: Json = body): string {
  const type = (body['type'] as number | undefined) ?? 1;
  const normalized: Json = {
    type,
    name: body['name'],
    description: type === 1 ? (body['description'] ?? '') : '',
    name_localizations: localizations(body['name_localizations']),
    description_localizations: localizations(body['description_localizations']),
    options: ((body['options'] as Json[] | undefined) ?? []).map(normalizeOption),
    default_member_permissions: body['default_member_permissions'] ?? null,
    nsfw: body['nsfw'] ?? false,
  };
  for (const field of OPTIONAL_FIELDS) {
    if (reference[field] !== undefined && reference[field] !== null) normalized[field] = sortIfNumbers(body[field] ?? null);
  }
  return stableStringify(normalized);
}

function normalizeOption(option: Json): Json {
  const normalized: Json = {
    type: option['type'],
    name: option['name'],
    description: option['description'] ?? '',
    name_localizations: localizations(option['name_localizations']),
    description_localizations: localizations(option['description_localizations']),
    required: option['required'] ?? false,
    autocomplete: option['autocomplete'] ?? false,
    choices: ((option['choices'] as Json[] | undefined) ?? []).map((choice) => ({
      name: choice['name'],
      value: choice['value'],
      name_localizations: localizations(choice['name_localizations']),
    })),
    options: ((option['options'] as Json[] | undefined) ?? []).map(normalizeOption),
    channel_types: sortIfNumbers(option['channel_types'] ?? []),
  };
  for (const field of ['min_value', 'max_value', 'min_length', 'max_length'] as const) {
    if (option[field] !== undefined && option[field] !== null) normalized[field] = option[field];
  }
  return normalized;
}

function localizations(value: unknown): Json | null {
  return value !== null && typeof value === 'object' && Object.keys(value).length > 0 ? (value as Json) : null;
}

function sortIfNumbers(value: unknown): unknown {
  return Array.isArray(value) ? [...value].sort((a, b) => Number(a) - Number(b)) : value;
}

function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Json).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
