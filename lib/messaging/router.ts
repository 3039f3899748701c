/**
 * The receiving side: a handler map in, one function `(message, sender) → Promise<Reply> | undefined` out.
 * Pure, so it is unit-tested without a browser; only the background attaches it to runtime.onMessage.
 */
import type { Reply } from './client';
import type { PayloadOf, ResultOf } from './protocol';

/** Who sent a message, reduced to what handlers may trust. */
export interface SenderInfo {
  /** Set for content scripts: the tab they run in. */
  tabId?: number;
  /** The frame, for content scripts. */
  frameId?: number;
  /** The sending document's URL. */
  url?: string;
  /** True when the message came from one of our own extension pages. */
  fromExtensionPage: boolean;
}

export type Handlers<M> = {
  [K in keyof M]: (payload: PayloadOf<M, K>, sender: SenderInfo) => Promise<ResultOf<M, K>> | ResultOf<M, K>;
};

/** Which sender may call which message: content messages need a tab, UI messages one of our pages. */
export type Audience<M> = { [K in keyof M]: 'content' | 'ui' };

export function createRouter<M>(handlers: Handlers<M>, audience: Audience<M>) {
  return (message: unknown, sender: SenderInfo): Promise<Reply<unknown>> | undefined => {
    if (!message || typeof message !== 'object' || (message as { channel?: unknown }).channel !== 'gsi') return undefined;
    const { type, payload } = message as { type: string; payload: unknown };
    if (!Object.prototype.hasOwnProperty.call(handlers, type)) return undefined;
    const who = audience[type as keyof M];
    if (who === 'content' && sender.tabId === undefined) return Promise.resolve({ ok: false, error: '拒绝：该消息只接受网页内容脚本发送' });
    if (who === 'ui' && !sender.fromExtensionPage) return Promise.resolve({ ok: false, error: '拒绝：该消息只接受扩展自身页面发送' });
    const handler = handlers[type as keyof M] as (p: unknown, s: SenderInfo) => unknown;
    return Promise.resolve()
      .then(() => handler(payload, sender))
      .then(
        (result) => ({ ok: true as const, result }),
        (error: unknown) => ({ ok: false as const, error: error instanceof Error ? error.message : String(error) }),
      );
  };
}

/** One feature's part of the background: its handlers and who may call each. */
export interface Feature<M> {
  handlers: Handlers<M>;
  audience: Audience<M>;
}

/** Join features into one handler map for one router; a message type must belong to exactly one feature. */
export function joinFeatures<M>(...features: Feature<Partial<M>>[]): Feature<M> {
  const handlers: Record<string, unknown> = {};
  const audience: Record<string, unknown> = {};
  for (const feature of features) {
    for (const [type, handler] of Object.entries(feature.handlers)) {
      if (type in handlers) throw new Error(`message type ${type} is handled twice`);
      handlers[type] = handler;
      audience[type] = (feature.audience as Record<string, unknown>)[type];
    }
  }
  return { handlers: handlers as Handlers<M>, audience: audience as Audience<M> };
}
