// The in-memory references: the bot's test stores and botbuilder's MemoryStorage must pass the
// same contracts as the SQLite and Azure stores.
import { createMemoryStores } from '../../../bot/testing/memoryStores.js';
import { MemoryStorage } from 'botbuilder';
import { describeBotPortsContract } from './botPorts.contract.js';
import { describeBotStateContract } from './botState.contract.js';

describeBotPortsContract('bot/testing in memory', () => ({ ...createMemoryStores(), dispose: () => undefined }));

// The reference the turn-state stores are held to.
describeBotStateContract('botbuilder MemoryStorage', () => new MemoryStorage());
