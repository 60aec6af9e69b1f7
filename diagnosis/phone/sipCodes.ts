// Final SIP response codes (RFC 3261 and Teams Direct Routing usage) in plain words. `endedBy`
// says which party's action the code records, relative to the callee.

export interface SipMeaning {
  readonly meaning: string;
  readonly advice: string | null;
  /** Whose action the code records: the callee (declined, busy), the caller (cancelled), or the network. */
  readonly actor: 'callee' | 'caller' | 'network' | 'none';
}

export const SIP_CODES: Readonly<Record<number, SipMeaning>> = {
  0: { meaning: 'the call ended normally (one side hung up)', advice: null, actor: 'none' },
  200: { meaning: 'the call was answered and ended normally', advice: null, actor: 'none' },
  400: { meaning: 'the phone system rejected a malformed request (Bad Request)', advice: 'Ask IT to check the SBC configuration and its SIP messages.', actor: 'network' },
  401: { meaning: 'the phone system refused to authenticate the call (Unauthorized)', advice: 'Ask IT to check the trunk credentials.', actor: 'network' },
  403: { meaning: 'the phone system refused the call (Forbidden): the number or user is not allowed to call it', advice: 'Ask IT to check the calling policy, the dial plan and whether the number is blocked.', actor: 'network' },
  404: { meaning: 'the number dialed does not exist or could not be routed (Not Found)', advice: 'Check the number; if it is right, ask IT to check the voice routing for it.', actor: 'network' },
  408: { meaning: 'the other end did not respond in time (Request Timeout)', advice: 'Try again; if it repeats, ask IT to check the SBC and the carrier.', actor: 'network' },
  410: { meaning: 'the number is no longer in service (Gone)', advice: 'Check the number with the person you called.', actor: 'network' },
  480: { meaning: 'the person called was temporarily unavailable: offline, not signed in or not answering (Temporarily Unavailable)', advice: 'Try again later or send a message.', actor: 'callee' },
  484: { meaning: 'the number dialed was incomplete (Address Incomplete)', advice: 'Dial the full number with the country code.', actor: 'network' },
  486: { meaning: 'the line was busy (Busy Here)', advice: 'Try again in a few minutes.', actor: 'callee' },
  487: { meaning: 'the caller hung up before the call was answered (Request Terminated)', advice: null, actor: 'caller' },
  488: { meaning: 'the two sides could not agree on audio settings such as the codec or encryption (Not Acceptable Here)', advice: 'Ask IT to check the codecs and media settings on the SBC.', actor: 'network' },
  500: { meaning: 'the phone system had an internal error (Server Internal Error)', advice: 'Try again; if it repeats, ask IT to check the SBC logs with the correlation id.', actor: 'network' },
  502: { meaning: 'a gateway on the way got a bad answer from the next hop (Bad Gateway)', advice: 'Ask IT to check the SBC and the carrier link.', actor: 'network' },
  503: { meaning: 'the phone system or the carrier was unavailable or overloaded (Service Unavailable)', advice: 'Try again shortly; if it repeats, ask IT to check the trunk status.', actor: 'network' },
  504: { meaning: 'a server on the way timed out waiting for the next hop (Server Time-out)', advice: 'Ask IT to check connectivity between Teams, the SBC and the carrier.', actor: 'network' },
  600: { meaning: 'the person called was busy on every device (Busy Everywhere)', advice: 'Try again later.', actor: 'callee' },
  603: { meaning: 'the person called declined the call (Decline)', advice: null, actor: 'callee' },
  604: { meaning: 'the number dialed does not exist anywhere (Does Not Exist Anywhere)', advice: 'Check the number.', actor: 'network' },
};

export function sipMeaning(code: number): SipMeaning {
  const known = SIP_CODES[code];
  if (known) return known;
  if (code >= 200 && code < 300) return { meaning: 'the call succeeded', advice: null, actor: 'none' };
  if (code >= 400 && code < 500) return { meaning: `the request was refused by the far end (SIP ${code})`, advice: 'Ask IT to look up the SIP code and sub-reason in the Direct Routing health dashboard.', actor: 'network' };
  if (code >= 500 && code < 600) return { meaning: `a server on the way failed (SIP ${code})`, advice: 'Try again; if it repeats, ask IT to check the SBC with the correlation id.', actor: 'network' };
  if (code >= 600 && code < 700) return { meaning: `the call was refused everywhere (SIP ${code})`, advice: null, actor: 'callee' };
  return { meaning: `the call ended with SIP code ${code}`, advice: null, actor: 'network' };
}
