/**
 * Every IPC handler of main goes through `guardHandler` exactly once (engineering §2): the sender must be the top
 * frame of our own `app://report` page, the argument must parse with the method's zod schema, and the result is
 * checked against the result schema before it goes back. Channels are `${CHANNEL_PREFIX}${method}`; anything else is
 * refused. Pure: the glue passes Electron's event, tests pass plain objects.
 */
import { CHANNEL_PREFIX, hostMethods, type HostArg, type HostMethod, type HostResult } from '../../../shared/ipc/contract.js';
import { isAppUrl } from './navigation.js';

/** What the guard reads of Electron's `IpcMainInvokeEvent.senderFrame` (a `WebFrameMain`, or null once gone). */
export interface SenderFrameLike {
  readonly url: string;
  readonly parent: unknown;
}
export interface InvokeEventLike {
  readonly senderFrame: SenderFrameLike | null | undefined;
}

export class IpcRefused extends Error {
  override readonly name = 'IpcRefused';
}

export function channelFor(method: HostMethod): string {
  return `${CHANNEL_PREFIX}${method}`;
}

export const HOST_METHODS = Object.keys(hostMethods) as HostMethod[];

/** The method a channel names, or null for a channel we never registered. */
export function methodForChannel(channel: string): HostMethod | null {
  if (!channel.startsWith(CHANNEL_PREFIX)) return null;
  const name = channel.slice(CHANNEL_PREFIX.length);
  return Object.prototype.hasOwnProperty.call(hostMethods, name) ? (name as HostMethod) : null;
}

/** Our page, its top frame: not an iframe, not another origin, not a frame that has gone away. */
export function isTrustedSender(frame: SenderFrameLike | null | undefined): boolean {
  if (!frame || typeof frame.url !== 'string') return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

export type Service<M extends HostMethod> = (arg: HostArg<M>, event: InvokeEventLike) => Promise<HostResult<M>>;

/**
 * Wrap a service: frame check, argument parse, result parse. Throws IpcRefused (the renderer sees a rejection).
 * `trusted` is our page's check (app:// in Electron; the end-to-end test host passes its own served origin, so the
 * test host runs this same guard).
 */
export function guardHandler<M extends HostMethod>(
  method: M,
  service: Service<M>,
  trusted: (frame: SenderFrameLike | null | undefined) => boolean = isTrustedSender,
): (event: InvokeEventLike, arg: unknown) => Promise<HostResult<M>> {
  const schema = hostMethods[method];
  return async (event, arg) => {
    if (!trusted(event.senderFrame)) throw new IpcRefused(`refused ${method}: untrusted sender`);
    const parsed = schema.arg.safeParse(arg);
    if (!parsed.success) throw new IpcRefused(`refused ${method}: invalid argument`);
    const result = await service(parsed.data as HostArg<M>, event);
    return schema.result.parse(result) as HostResult<M>;
  };
}
