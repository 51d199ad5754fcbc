import { afterEach } from 'vitest';
import { install, type BridgeConfig, type BridgeHandle } from '../src/index';

type TestWindow = Window & Record<string, unknown>;
export const testWindow = window as unknown as TestWindow;

const handles: BridgeHandle[] = [];

/** Installs the bridge from source; uninstalled and dataLayer removed after the test. */
export function installBridge(config?: BridgeConfig): BridgeHandle {
  const handle = install(config);
  handles.push(handle);
  return handle;
}

afterEach(() => {
  for (const handle of handles.splice(0)) handle.uninstall();
  delete testWindow.dataLayer;
  delete testWindow.gtmWidgetBridge;
});

export const CHILI_PIPER_ORIGIN = 'https://acme.chilipiper.com';

/** Dispatches a `message` event as the browser would deliver a cross-origin postMessage. */
export function postMessageFrom(origin: string, data: unknown): void {
  window.dispatchEvent(new MessageEvent('message', { data, origin }));
}

/** Everything pushed to window.dataLayer so far. */
export function dataLayer(name = 'dataLayer'): Record<string, unknown>[] {
  return (testWindow[name] as Record<string, unknown>[] | undefined) || [];
}

/** Only the events named in the dataLayer, for compact assertions. */
export function eventNames(name = 'dataLayer'): unknown[] {
  return dataLayer(name).map((push) => push.event);
}

/** The defined keys of a push (the schema keys with a value). */
export function definedParams(push: Record<string, unknown>): Record<string, unknown> {
  const defined: Record<string, unknown> = {};
  for (const key of Object.keys(push)) if (push[key] !== undefined) defined[key] = push[key];
  return defined;
}
