/**
 * Keeps the raw HTTP exchange of each model attempt. The OpenAI client parses structured
 * output itself and throws on malformed JSON, losing the answer; a fetch that keeps a copy lets
 * us record what the provider actually said (and the tokens it billed) even when parsing fails.
 */

export interface HttpExchange {
  status: number | null;
  headers: Headers | null;
  /** The response body as text; null when no response arrived. */
  bodyText: string | null;
}

export function emptyExchange(): HttpExchange {
  return { status: null, headers: null, bodyText: null };
}

/** Holds the exchange of the attempt in progress; a call's attempts run one after another. */
export interface ExchangeSlot {
  current: HttpExchange;
}

/** `send` is the transport underneath: the network by default, recorded answers in a replay. */
export function capturingFetch(slot: ExchangeSlot, send: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const response = await send(input, init);
    const exchange = slot.current;
    exchange.status = response.status;
    exchange.headers = response.headers;
    exchange.bodyText = await response.clone().text();
    return response;
  };
}

/** The body as JSON when it is JSON, else the text itself, else null. */
export function exchangeBody(exchange: HttpExchange): unknown | null {
  if (exchange.bodyText === null) return null;
  try {
    return JSON.parse(exchange.bodyText) as unknown;
  } catch {
    return exchange.bodyText;
  }
}

export function exchangeTokens(exchange: HttpExchange): { inputTokens: number | null; outputTokens: number | null } {
  const body = exchangeBody(exchange);
  const usage = typeof body === 'object' && body !== null ? (body as { usage?: unknown }).usage : undefined;
  if (typeof usage !== 'object' || usage === null) return { inputTokens: null, outputTokens: null };
  const { prompt_tokens: promptTokens, completion_tokens: completionTokens } = usage as Record<string, unknown>;
  return {
    inputTokens: typeof promptTokens === 'number' ? promptTokens : null,
    outputTokens: typeof completionTokens === 'number' ? completionTokens : null,
  };
}

/**
 * The text the model answered with: message content for JSON-schema output, the first tool
 * call's arguments for function calling. Null when the body has neither.
 */
export function answerText(exchange: HttpExchange): string | null {
  const body = exchangeBody(exchange);
  if (typeof body !== 'object' || body === null) return null;
  const message = (body as { choices?: Array<{ message?: { content?: unknown; tool_calls?: Array<{ function?: { arguments?: unknown } }> } }> })
    .choices?.[0]?.message;
  const toolArguments = message?.tool_calls?.[0]?.function?.arguments;
  if (typeof toolArguments === 'string') return toolArguments;
  return typeof message?.content === 'string' ? message.content : null;
}
