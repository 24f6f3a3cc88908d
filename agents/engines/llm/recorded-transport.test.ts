import { describe, expect, it } from 'vitest';
import { createRecordedModelTransport, type RecordedModelAttempt } from './recorded-transport.js';

const call = (requestHash: string) => ({ requestHash, purpose: 'lens:deep-history', request: { model: 'm', messages: [], schema: 's' } });

describe('the recorded model transport', () => {
  const recorded = new Map<string, RecordedModelAttempt[]>([
    ['answered', [{ response: { error: 'busy' }, error: 'server-error: HTTP 500' }, { response: { choices: [{ message: { content: '{"score":4}' } }] }, error: null }]],
    ['failed', [{ response: null, error: 'timeout: no answer within 100 ms' }]],
  ]);
  const transport = createRecordedModelTransport(async (hash) => recorded.get(hash) ?? []);

  it('answers with the recorded successful answer, never touching the network', async () => {
    const response = await transport.fetchFor(call('answered'))('http://recorded-model-calls.invalid/v1/chat/completions');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ choices: [{ message: { content: '{"score":4}' } }] });
  });

  it('fails a call that failed in the original audit', async () => {
    const response = await transport.fetchFor(call('failed'))('http://recorded-model-calls.invalid/v1/chat/completions');
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).toMatch(/timeout/);
  });

  it('refuses a request that was never recorded and remembers it', async () => {
    await expect(transport.fetchFor(call('never'))('http://recorded-model-calls.invalid/v1/chat/completions')).rejects.toThrow(/never asked/);
    expect(transport.unrecorded.map((unrecorded) => unrecorded.requestHash)).toEqual(['never']);
  });
});
