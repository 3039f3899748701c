/**
 * Typed senders over any transport. The entrypoints pass `browser.runtime.sendMessage` or
 * `browser.tabs.sendMessage`; tests pass a function that calls a router directly.
 */
import type { Envelope, PayloadOf, ResultOf } from './protocol';

export type Transport = (message: Envelope<unknown>) => Promise<unknown>;

/** A wire reply: the result, or a Chinese error message from the other side. */
export type Reply<R> = { ok: true; result: R } | { ok: false; error: string };

export interface Client<M> {
  send<K extends keyof M & string>(type: K, payload: PayloadOf<M, K>): Promise<ResultOf<M, K>>;
}

export function createClient<M>(transport: Transport): Client<M> {
  return {
    async send(type, payload) {
      const reply = (await transport({ channel: 'gsi', type, payload } as Envelope<unknown>)) as Reply<never> | undefined;
      if (!reply) throw new Error(`扩展后台没有回应（${String(type)}）`);
      if (!reply.ok) throw new Error(reply.error);
      return reply.result;
    },
  };
}
