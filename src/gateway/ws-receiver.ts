// The pre-auth frame limit must bound what ws buffers, not only what it hands over: the server is
// built with maxPayload = 64 KiB, so ws refuses an oversized frame from its header, before reading the
// body, and each connection's limit is raised to the policy maxPayload when its handshake succeeds.
// ws keeps that limit on the socket's Receiver (`_receiver._maxPayload`) and has no public setter;
// 2026.9.6 raises it the same way. Both helpers check the shape first and report whether they could.
import type { WebSocket } from 'ws';

interface ReceiverLike {
  _maxPayload: number;
  prependListener(event: 'error', fn: (err: Error & { code?: string }) => void): unknown;
}

function receiverOf(ws: WebSocket): ReceiverLike | undefined {
  const r = (ws as unknown as { _receiver?: ReceiverLike })._receiver;
  return r && typeof r._maxPayload === 'number' && typeof r.prependListener === 'function' ? r : undefined;
}

/** Sets this connection's frame limit; false when the ws internals are not what we expect. */
export function setPayloadLimit(ws: WebSocket, maxPayload: number): boolean {
  const r = receiverOf(ws);
  if (!r) return false;
  r._maxPayload = maxPayload;
  return true;
}

/**
 * Calls `fn` when ws refuses a frame over the limit, before ws sends its own reason-less 1009, so
 * the caller's close (code and reason) is the one that goes on the wire.
 */
export function onFrameTooLarge(ws: WebSocket, fn: () => void): boolean {
  const r = receiverOf(ws);
  if (!r) return false;
  r.prependListener('error', (err) => {
    if (err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') fn();
  });
  return true;
}
