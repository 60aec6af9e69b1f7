// The bot's in-memory stores (its unit tests run on them) must behave like the SQLite ones.
import { createMemoryStores } from '../../../bot/testing/memoryStores.js';
import { describeBotPortsContract } from './botPorts.contract.js';

describeBotPortsContract('bot/testing in memory', () => ({ ...createMemoryStores(), dispose: () => undefined }));
