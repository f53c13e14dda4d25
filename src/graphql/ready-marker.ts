import type { ExecutionResult } from 'graphql';
import type { OperationResult, SubscribePayload } from 'graphql-ws';

/** The subscribe message's `extensions` key that asks for the marker. */
export const ANNOUNCE_READY = 'announceReady';

/** The marker: a `next` payload without data, only `extensions.ready`. */
export const READY_RESULT: ExecutionResult = Object.freeze({ extensions: Object.freeze({ ready: true }) });

type Stream = AsyncIterable<ExecutionResult>;

const isStream = (result: OperationResult): result is Stream => typeof (result as Partial<Stream>)[Symbol.asyncIterator] === 'function';

/**
 * graphql-ws has no "subscribed" acknowledgement, so a client cannot tell when events start to reach
 * it. A client that asks (`extensions: {announceReady: true}` in its subscribe message) gets the
 * marker as the stream's first `next`. This is called with the stream graphql-js built once the
 * subscribe resolver returned its source, and every source registers its listener before returning
 * (LiveEvents.subscribe), so whatever is published after the marker reaches the stream. Clients that
 * do not ask see nothing new.
 */
export function withReadyMarker(payload: SubscribePayload, result: OperationResult): Stream | undefined {
  if (payload.extensions?.[ANNOUNCE_READY] !== true || !isStream(result)) return undefined; // graphql-ws keeps its result
  const events = result[Symbol.asyncIterator]();
  let announced = false;
  const marked: AsyncIterableIterator<ExecutionResult> = {
    next: () => {
      if (announced) return events.next();
      announced = true;
      return Promise.resolve({ value: READY_RESULT, done: false });
    },
    // graphql-ws ends a subscription through `return`: it must reach the source (which then drops its
    // listener) even when it comes before the marker was read.
    return: (value?: unknown) => {
      announced = true;
      return events.return ? events.return(value) : Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]: () => marked,
  };
  return marked;
}
