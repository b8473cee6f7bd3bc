import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useDashboard } from '../../app/dashboard-context.js';
import { dataOf } from '../../client/api-request-error.js';
import type { components } from '../../client/api-schema.generated.js';
import { Button } from '../../ui/button.js';
import { Input } from '../../ui/input.js';
import { Alert } from '../../ui/states.js';
import { Table, Td, Th } from '../../ui/table.js';

type ModelPrice = components['schemas']['ModelPrice'];
// The API's provider ids (core's LLM_PROVIDERS); core is not imported here, it is Node code.
type Provider = 'openai' | 'anthropic' | 'gemini' | 'xai';

/** The model pricing editor: USD per 1k input and output tokens; saving starts a new price period now. */
export function PricingEditor({ models }: { models: readonly ModelPrice[] }) {
  return (
    <Table>
      <thead>
        <tr>
          <Th>Model</Th>
          <Th>Input / 1k tokens</Th>
          <Th>Output / 1k tokens</Th>
          <Th>
            <span className="sr-only">Save</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {models.map((model) => (
          <PriceRow key={`${model.provider}/${model.model}`} model={model} />
        ))}
      </tbody>
    </Table>
  );
}

function PriceRow({ model }: { model: ModelPrice }) {
  const { api } = useDashboard();
  const queryClient = useQueryClient();
  const [input, setInput] = useState(model.input_cost_per_1k_tokens);
  const [output, setOutput] = useState(model.output_cost_per_1k_tokens);
  const save = useMutation({
    mutationFn: () =>
      dataOf(
        api.client.PUT('/api/v1/llm/models/{provider}/{model}/pricing', {
          params: { path: { provider: model.provider as Provider, model: model.model } },
          body: { input_cost_per_1k_tokens: input, output_cost_per_1k_tokens: output },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['llm'] }),
  });
  const name = `${model.provider}/${model.model}`;
  return (
    <tr>
      <Td>{name}</Td>
      <Td>
        <Input
          aria-label={`Input price of ${name}`}
          inputMode="decimal"
          className="h-8 w-28"
          value={input}
          onChange={(event) => setInput(event.target.value)}
        />
      </Td>
      <Td>
        <Input
          aria-label={`Output price of ${name}`}
          inputMode="decimal"
          className="h-8 w-28"
          value={output}
          onChange={(event) => setOutput(event.target.value)}
        />
      </Td>
      <Td>
        <Button size="sm" variant="outline" disabled={save.isPending} onClick={() => save.mutate()}>
          Save
        </Button>
        {save.error ? (
          <Alert tone="error" title="Not saved">
            {save.error.message}
          </Alert>
        ) : null}
      </Td>
    </tr>
  );
}
