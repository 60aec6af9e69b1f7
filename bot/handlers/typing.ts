// "Typing..." while one turn is worked on. teams-ai's own indicator (startTypingTimer) keeps one
// timer per Application, so with two people asking at once the second turn's timer is never started
// and the first to answer stops the other's: indicators go missing or are cut off. This middleware
// keeps everything in the turn's closure: each turn has its own timer, stopped by that turn's first
// message or by the end of the turn, whichever comes first.
import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { Logger } from '../../graph/logger.js';

export interface TypingOptions {
  /** Wait this long before the first indicator, so quick answers show none. */
  readonly delayMs?: number;
  /** Teams shows an indicator for about three seconds; repeat before it fades. */
  readonly periodMs?: number;
  readonly logger: Logger;
}

export function typingPerTurn(options: TypingOptions): Middleware {
  const delayMs = options.delayMs ?? 1_000;
  const periodMs = options.periodMs ?? 2_500;
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      if (context.activity.type !== ActivityTypes.Message) return next();
      let running = true;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let lastSend: Promise<unknown> = Promise.resolve();
      const stop = () => {
        running = false;
        if (timer) clearTimeout(timer);
      };
      context.onSendActivities(async (_context, activities, send) => {
        if (running && activities.some((a) => a.type === ActivityTypes.Message)) {
          stop();
          // Let an indicator already on its way arrive first, or it would show after the answer.
          await lastSend;
        }
        return send();
      });
      const tick = () => {
        if (!running) return;
        lastSend = context.sendActivity({ type: ActivityTypes.Typing }).catch((error: unknown) => {
          // An indicator that cannot be sent is not worth an apology; the answer will tell.
          stop();
          options.logger.debug({ err: error }, 'typing indicator not sent');
        });
        timer = setTimeout(tick, periodMs);
      };
      timer = setTimeout(tick, delayMs);
      try {
        await next();
      } finally {
        stop();
      }
    },
  };
}
