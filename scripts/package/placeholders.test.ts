import { describe, expect, it } from 'vitest';
import { parseEnvText } from './envFile.js';
import { placeholdersIn, substituteJson, substitutePlaceholders } from './placeholders.js';

describe('placeholders', () => {
  it('when every variable has a value, then each ${{VAR}} is replaced and nothing is unresolved', () => {
    const out = substitutePlaceholders('https://${{TAB_DOMAIN}}/tab/${{ TAB_DOMAIN }}', { TAB_DOMAIN: 'cd.example.net' });
    expect(out).toEqual({ text: 'https://cd.example.net/tab/cd.example.net', unresolved: [] });
  });

  it('when a variable is missing or empty, then it is named as unresolved and left in place', () => {
    const out = substitutePlaceholders('${{BOT_ID}} ${{TEAMS_APP_ID}} ${{BOT_ID}}', { TEAMS_APP_ID: '' });
    expect(out.unresolved).toEqual(['BOT_ID', 'TEAMS_APP_ID']);
    expect(out.text).toBe('${{BOT_ID}} ${{TEAMS_APP_ID}} ${{BOT_ID}}');
  });

  it('when a value contains a quote, then JSON substitution keeps the document valid', () => {
    const out = substituteJson('{"name":"${{DEVELOPER_NAME}}"}', { DEVELOPER_NAME: 'Contoso "IT"' });
    expect(JSON.parse(out.text)).toEqual({ name: 'Contoso "IT"' });
  });

  it('lists the variables a text names once each', () => {
    expect(placeholdersIn('${{A}} ${{B}} ${{A}} {{notOne}}')).toEqual(['A', 'B']);
  });

  it('reads env files with comments and quoted values', () => {
    expect(parseEnvText('# comment\nTEAMSFX_ENV=dev\nNAME="Call Doctor"\nEMPTY=\n')).toEqual({ TEAMSFX_ENV: 'dev', NAME: 'Call Doctor', EMPTY: '' });
  });
});
