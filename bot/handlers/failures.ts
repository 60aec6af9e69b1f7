// Friendly answers for failures. The user never sees a stack trace or an internal message;
// the log gets the scrubbed error (the server's logger redacts it) and Graph's request id.
import { GraphError, GraphPermissionError, GraphThrottledError, GraphUnavailableError } from '../../graph/errors.js';
import type { Logger } from '../../graph/logger.js';
import type { BotReply } from '../answers/reply.js';
import { cardReply } from '../answers/reply.js';
import { noticeCard } from '../cards/noticeCard.js';

export function failureReply(error: unknown, logger: Logger): BotReply {
  if (error instanceof GraphThrottledError) {
    logger.warn({ error: error.name, requestId: error.requestId, retryAfterSeconds: error.retryAfterSeconds }, 'Graph throttled a bot question');
    const wait = error.retryAfterSeconds && error.retryAfterSeconds > 60 ? `${Math.ceil(error.retryAfterSeconds / 60)} minutes` : 'a minute';
    return notice('⏳ Microsoft Graph is busy', [`Microsoft is limiting how fast I can read call records right now. Please ask again in ${wait}.`], 'Graph is throttling; ask again later.');
  }
  if (error instanceof GraphUnavailableError) {
    logger.warn({ error: error.name, status: error.status, requestId: error.requestId }, 'Graph unavailable for a bot question');
    return notice('☁️ Call records are unavailable', ['I can’t reach Microsoft’s call records service right now. This is usually temporary: please try again in a few minutes.'], 'Graph is unavailable; try again later.');
  }
  if (error instanceof GraphPermissionError) {
    logger.error({ error: error.name, status: error.status, code: error.code, requestId: error.requestId }, 'Graph denied access to call records');
    return notice(
      '🔒 Call Doctor can’t read call records yet',
      ['Your organisation has not given Call Doctor permission to read call records. Ask your Microsoft 365 admin to grant the app the CallRecords.Read.All permission (and CallRecord-PstnCalls.Read.All for phone calls).'],
      'The app lacks permission to read call records.',
    );
  }
  // The whole error (message and stack), so an unexpected failure can be diagnosed: the server's logger scrubs both.
  logger.error({ err: error, ...(error instanceof GraphError ? { status: error.status, requestId: error.requestId } : {}) }, 'bot question failed');
  return turnErrorReply();
}

export function turnErrorReply(): BotReply {
  return notice('😕 Something went wrong', ['Something went wrong on my side while answering. Please try again in a moment.'], 'Internal error.');
}

export function noWorkAccountReply(): BotReply {
  return notice(
    'I need your Teams work account',
    ['Call Doctor reads the call records your organisation keeps for your work or school account, so it only works in Microsoft Teams when you are signed in with one. Guest and personal accounts have no call records I can read.'],
    'The user has no Entra work account on this activity.',
  );
}

function notice(title: string, paragraphs: string[], summary: string): BotReply {
  return cardReply(noticeCard({ title, paragraphs }), summary);
}
