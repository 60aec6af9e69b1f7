// Read what the user sees from the bot's replies: card text, fact values, button titles.

type Json = Record<string, unknown>;

export function cardOf(activity: { attachments?: { contentType?: string; content?: unknown }[] }): Json | undefined {
  const attachment = activity.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  return attachment?.content as Json | undefined;
}

/** Every visible string of a card (TextBlocks and FactSets), joined by newlines, Markdown escapes removed. */
export function visibleText(activity: { text?: string; attachments?: { contentType?: string; content?: unknown }[] }): string {
  const card = cardOf(activity);
  if (!card) return activity.text ?? '';
  const out: string[] = [];
  walk(card.body, (node) => {
    if (node.type === 'TextBlock' && typeof node.text === 'string') out.push(node.text);
    if (node.type === 'FactSet' && Array.isArray(node.facts)) for (const f of node.facts as Json[]) out.push(`${String(f.title)}: ${String(f.value)}`);
  });
  return out.join('\n').replace(/\\([\\*_`[\]()#>~|])/g, '$1');
}

export interface Button {
  readonly title: string;
  readonly type: string;
  readonly data?: Json;
  readonly url?: string;
}

/** Every action on the card, in its action bar, in ActionSets and as selectActions. */
export function buttons(activity: { attachments?: { contentType?: string; content?: unknown }[] }): Button[] {
  const card = cardOf(activity);
  if (!card) return [];
  const found: Button[] = [];
  const take = (action: Json): void => {
    found.push({ title: String(action.title ?? ''), type: String(action.type), ...(action.data ? { data: action.data as Json } : {}), ...(action.url ? { url: String(action.url) } : {}) });
  };
  walk(card.body, (node) => {
    if (node.type === 'ActionSet') (node.actions as Json[]).forEach(take);
    if (node.selectAction) take(node.selectAction as Json);
  });
  ((card.actions as Json[] | undefined) ?? []).forEach(take);
  return found;
}

export function button(activity: Parameters<typeof buttons>[0], title: string): Button {
  const found = buttons(activity).find((b) => b.title === title);
  if (!found) throw new Error(`No button "${title}"; the card has: ${buttons(activity).map((b) => b.title).join(', ')}`);
  return found;
}

function walk(nodes: unknown, visit: (node: Json) => void): void {
  if (!Array.isArray(nodes)) return;
  for (const node of nodes as Json[]) {
    visit(node);
    walk(node.items, visit);
    walk(node.columns, visit);
  }
}
