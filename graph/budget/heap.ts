// A binary min-heap that knows where each item sits (a map from item to position), so an item
// can leave from the middle (a waiter that gave up) in O(log n) instead of a scan.

export class IndexedHeap<T> {
  private readonly items: T[] = [];
  private readonly index = new Map<T, number>();

  constructor(
    private readonly before: (a: T, b: T) => boolean,
    /** Called once per comparison: lets a test count the scheduler's work instead of timing it. */
    private readonly onCompare: () => void = () => undefined,
  ) {}

  peek(): T | undefined {
    return this.items[0];
  }

  has(item: T): boolean {
    return this.index.has(item);
  }

  push(item: T): void {
    this.items.push(item);
    this.index.set(item, this.items.length - 1);
    this.up(this.items.length - 1);
  }

  pop(): T | undefined {
    const top = this.items[0];
    if (top !== undefined) this.delete(top);
    return top;
  }

  delete(item: T): boolean {
    const i = this.index.get(item);
    if (i === undefined) return false;
    this.index.delete(item);
    const last = this.items.pop()!;
    if (i < this.items.length) {
      this.items[i] = last;
      this.index.set(last, i);
      this.up(i);
      this.down(this.index.get(last)!);
    }
    return true;
  }

  private less(i: number, j: number): boolean {
    this.onCompare();
    return this.before(this.items[i]!, this.items[j]!);
  }

  private swap(i: number, j: number): void {
    const a = this.items[i]!;
    const b = this.items[j]!;
    this.items[i] = b;
    this.items[j] = a;
    this.index.set(b, i);
    this.index.set(a, j);
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.items.length) return;
      const right = left + 1;
      const child = right < this.items.length && this.less(right, left) ? right : left;
      if (!this.less(child, i)) return;
      this.swap(i, child);
      i = child;
    }
  }
}
