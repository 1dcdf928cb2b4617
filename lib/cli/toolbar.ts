// Driving the in-page toolbar from outside the page (`baozhai demo`, the e2e tests and the bench),
// the way only the browser and its user can.
//
// The toolbar lives in a CLOSED shadow root and acts only on trusted events, so neither page
// script nor Playwright's locators (which pierce open roots only) can reach it. Tests therefore:
//   read: over the DevTools protocol, which no page can use: find the host with DOM.querySelector,
//         its closed shadow root with DOM.describeNode({pierce: true}), resolve that root into a
//         fresh isolated world (Page.createIsolatedWorld, so page script cannot tamper with the
//         read) and run a read-only function on it (Runtime.callFunctionOn).
//   act:  real input at the element's centre (page.mouse.click / move): events with isTrusted.
// A mirror for another browser needs the same two things: a read channel the page lacks, and real
// input at coordinates (Puppeteer: page.mouse on the element's box).
import type { CDPSession, Page } from 'playwright-core';

/** The toolbar's host element: the only part of the toolbar in the page's own DOM. */
export const TOOLBAR_HOST = 'baozhai-toolbar';

/** What a test can read about one element inside the toolbar. */
export interface ToolbarElement {
  attrs: Record<string, string>;
  /** Rendered text (innerText: labels laid over each other but hidden do not count). */
  text: string;
  box: { x: number; y: number; width: number; height: number };
  visible: boolean;
  count: number;
}

interface Evaluated<T> {
  result: { value?: T };
  exceptionDetails?: { text: string; exception?: { description?: string } };
}

/** The toolbar of one page, read over CDP and clicked with real input. */
export class ToolbarDriver {
  private session: Promise<CDPSession> | undefined;

  constructor(private readonly page: Page) {}

  private cdp(): Promise<CDPSession> {
    return (this.session ??= this.page.context().newCDPSession(this.page));
  }

  /**
   * Run `fn(shadowRoot, arg)` inside the closed shadow root, in an isolated world, and return its
   * JSON result; undefined when the toolbar is not mounted yet.
   */
  async evaluate<T, A = undefined>(fn: (root: ShadowRoot, arg: A) => T, arg?: A): Promise<T | undefined> {
    const cdp = await this.cdp();
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: TOOLBAR_HOST });
    if (!nodeId) return undefined;
    const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return undefined;
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: 'baozhai-test',
    });
    const { object } = await cdp.send('DOM.resolveNode', {
      backendNodeId: shadow.backendNodeId,
      executionContextId,
    });
    const reply = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function (arg) { return (${fn.toString()})(this, arg); }`,
      arguments: [{ value: arg }],
      returnByValue: true,
      awaitPromise: true,
    })) as Evaluated<T>;
    if (reply.exceptionDetails) {
      throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text);
    }
    return reply.result.value;
  }

  /** One element (the first matching `selector`) inside the toolbar, or null. */
  async read(selector: string): Promise<ToolbarElement | null> {
    const found = await this.evaluate((root, sel: string) => {
      const all = root.querySelectorAll(sel);
      const el = all[0] as HTMLElement | undefined;
      if (!el) return null;
      const r = el.getBoundingClientRect();
      const attrs: Record<string, string> = {};
      for (const a of Array.from(el.attributes)) attrs[a.name] = a.value;
      const style = getComputedStyle(el);
      return {
        attrs,
        text: el.innerText,
        box: { x: r.x, y: r.y, width: r.width, height: r.height },
        visible: r.width > 0 && r.height > 0 && style.visibility !== 'hidden',
        count: all.length,
      };
    }, selector);
    return found ?? null;
  }

  /** An attribute of the first element matching `selector`, or null. */
  async attr(selector: string, name: string): Promise<string | null> {
    return (await this.read(selector))?.attrs[name] ?? null;
  }

  /** How many elements inside the toolbar match `selector`. */
  async count(selector: string): Promise<number> {
    return (await this.read(selector))?.count ?? 0;
  }

  /** Wait until an element matching `selector` is shown. */
  async waitFor(selector: string, timeout = 30_000): Promise<ToolbarElement> {
    const until = Date.now() + timeout;
    for (;;) {
      const found = await this.read(selector).catch(() => null);
      if (found?.visible) return found;
      if (Date.now() > until) throw new Error(`toolbar: ${selector} not shown within ${timeout} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** A real (trusted) click at the centre of the element. */
  async click(selector: string): Promise<void> {
    const { box } = await this.waitFor(selector);
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  /** Move the real mouse over the element (hover). */
  async hover(selector: string): Promise<void> {
    const { box } = await this.waitFor(selector);
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  }
}

/** The toolbar driver of a page. */
export function toolbarOf(page: Page): ToolbarDriver {
  return new ToolbarDriver(page);
}
