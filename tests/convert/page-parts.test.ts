// The live toggle's parts on their own: the walker, the record and the scheduler.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createPageRecord } from '../../lib/convert/page-record';
import { createPacer, createWorkOrder, runInSlices, type Budget } from '../../lib/convert/page-scheduler';
import { createPageWalker, type Cursor, type Work } from '../../lib/convert/page-walker';

const unlimited: Budget = { hasTime: () => true, spend: () => undefined };

function load(html: string) {
  return new JSDOM(html, { url: 'https://www.people.com.cn/n1/2024/0101/c1-1.html' }).window;
}

function describeWork(items: Work[]): string[] {
  return items.map((w) => (w.kind === 'text' ? w.node.data : `${w.element.localName}@${w.name}`));
}

describe('page walker', () => {
  it('visits text and the four attributes in document order, skipping what is never converted', () => {
    const win = load(
      '<body><p title="说明">第一段<code>代码</code>之后</p><textarea>输入</textarea><div translate="no">不译</div><img alt="图片"><span id="own">工具栏</span>  </body>',
    );
    const walker = createPageWalker({ isOwnNode: (n) => (n as Element).id === 'own' });
    const root = win.document.body;
    const out: Work[] = [];
    walker.pull({ node: root, root, stop: null }, out, 100);
    expect(describeWork(out)).toEqual(['p@title', '第一段', '之后', 'img@alt']);
    expect(walker.isInsideSkipped(win.document.querySelector('code')!.firstChild!)).toBe(true);
    expect(walker.isInsideSkipped(win.document.querySelector('p')!.firstChild!)).toBe(false);
  });

  it('resumes where it stopped and honours a stop node', () => {
    const win = load('<body><p>一</p><p>二</p><p>三</p><p>四</p></body>');
    const walker = createPageWalker({});
    const root = win.document.body;
    const ps = win.document.querySelectorAll('p');
    const cursor: Cursor = { node: root, root, stop: ps[3]! };
    const first: Work[] = [];
    walker.pull(cursor, first, 2);
    const rest: Work[] = [];
    walker.pull(cursor, rest, 100);
    expect(describeWork(first)).toEqual(['一', '二']);
    expect(describeWork(rest)).toEqual(['三']);
    expect(cursor.node).toBeNull();
  });
});

describe('page record', () => {
  it('restores exactly what it wrote, leaves what the page changed since, and keeps originals off nodes', () => {
    const win = load('<body><p>甲</p><p title="乙">丙</p></body>');
    const [a, b] = [...win.document.querySelectorAll('p')];
    const record = createPageRecord();
    const ta: Work = { kind: 'text', node: a!.firstChild as Text };
    const tb: Work = { kind: 'text', node: b!.firstChild as Text };
    const attr: Work = { kind: 'attr', element: b!, name: 'title' };
    record.write(ta, '甲', 'A');
    record.write(tb, '丙', 'C');
    record.write(attr, '乙', 'B');
    expect(record.isOurs(ta)).toBe(true);
    expect(record.readPending(ta)).toBeNull();
    expect(Object.keys(a!.firstChild!)).toEqual([]);
    (b!.firstChild as Text).data = '页面改的';
    expect(record.isOurs(tb)).toBe(false);
    expect(record.restoreSome(unlimited)).toBe(true);
    expect(a!.textContent).toBe('甲');
    expect(b!.textContent).toBe('页面改的');
    expect(b!.getAttribute('title')).toBe('乙');
  });

  it('gives a node up to the page after it reverts our writes again and again', () => {
    const win = load('<body><p>原文</p></body>');
    const node = win.document.querySelector('p')!.firstChild as Text;
    const item: Work = { kind: 'text', node };
    const record = createPageRecord();
    let writes = 0;
    for (let round = 0; round < 10; round++) {
      const pending = record.readPending(item);
      if (pending === null) break;
      record.write(item, pending, '譯文');
      writes++;
      node.data = '原文'; // the page puts its text back
    }
    expect(writes).toBe(4);
    expect(record.readPending(item)).toBeNull();
  });

  it('stops restoring when the budget runs out, and goes on from there', () => {
    const win = load(`<body>${'<p>字</p>'.repeat(300)}</body>`);
    const record = createPageRecord();
    for (const p of win.document.querySelectorAll('p'))
      record.write({ kind: 'text', node: p.firstChild as Text }, '字', '甲');
    let checks = 0;
    const once: Budget = { hasTime: () => ++checks < 2, spend: () => undefined };
    expect(record.restoreSome(once)).toBe(false);
    const restored = [...win.document.querySelectorAll('p')].filter((p) => p.textContent === '字').length;
    expect(restored).toBeGreaterThan(0);
    expect(restored).toBeLessThan(300);
    expect(record.restoreSome(unlimited)).toBe(true);
    expect(win.document.body.textContent).toBe('字'.repeat(300));
  });
});

describe('page scheduler', () => {
  it('runs a step in slices within the character budget, and stops when no longer live', async () => {
    const win = load('<body></body>') as unknown as Window;
    const sizes: number[] = [];
    let left = 10;
    await runInSlices(
      win,
      { sliceMs: 1_000, sliceChars: 3 },
      (budget) => {
        let n = 0;
        while (budget.hasTime() && left > 0) {
          budget.spend(1);
          left--;
          n++;
        }
        sizes.push(n);
        return left === 0;
      },
      () => true,
    );
    expect(sizes).toEqual([3, 3, 3, 1]);
    let slices = 0;
    let live = true;
    await runInSlices(
      win,
      { sliceMs: 1_000, sliceChars: 3 },
      () => {
        slices++;
        live = false;
        return false;
      },
      () => live,
      true,
    );
    expect(slices).toBe(1);
  });

  // Frames modelled as a fixed cost plus a cost per rewritten character; the pacer sees each one.
  function settle(fixedMs: number, perCharMs: number): { chars: number; stretch: number } {
    const pacer = createPacer(4_000);
    for (let frame = 0; frame < 30; frame++) pacer.observe(pacer.chars, fixedMs + perCharMs * pacer.chars);
    return { chars: pacer.chars, stretch: pacer.stretch };
  }

  it('sizes slices so that frames stay under a long task where the page allows it', () => {
    // A light page: the frame after a slice is mostly its wait; 0.01 ms a character.
    const light = settle(10, 0.01);
    expect(light.chars).toBeGreaterThan(3_000);
    expect(10 + 0.01 * light.chars).toBeLessThanOrEqual(51);
    expect(light.stretch).toBe(1);
    // Cheap text: slices grow well past the first guess.
    expect(settle(8, 0.0005).chars).toBeGreaterThan(40_000);
  });

  it('writes more per frame, not less, where every frame is long whatever is written', () => {
    // A 10,000-item list: each frame lays out and paints all items (120 ms) however little changed.
    const heavy = settle(120, 0.002);
    // Fixed-size slices of 4,000 characters would take 38 such frames for 150,000 characters.
    expect(heavy.chars).toBeGreaterThan(25_000);
    expect(heavy.stretch).toBeGreaterThan(1);
  });

  it('where every frame is long, writes text for about three times the fixed part in each frame', () => {
    // The 2 MB corpus page on this machine: 45-60 ms a frame with one character changed, about
    // 4 µs a character of rewritten text: 130,000 characters in two or three frames, not ten.
    const list = settle(50, 0.004);
    expect(list.chars).toBeGreaterThan(30_000);
    expect(50 + 0.004 * list.chars).toBeLessThanOrEqual(4.5 * 50);
    // Before any fit, long frames grow the slices fourfold: 4,000, 16,000, 64,000 characters.
    const pacer = createPacer(4_000);
    pacer.observe(4_000, 60);
    expect(pacer.chars).toBe(16_000);
  });

  it('keeps urgent work and cursors apart and empties both on clear', () => {
    const order = createWorkOrder<string, number>();
    expect(order.isEmpty()).toBe(true);
    order.urgent.push(1);
    order.cursors.push('a');
    expect(order.isEmpty()).toBe(false);
    order.clear();
    expect(order.isEmpty()).toBe(true);
  });
});
