import { describeCallIndexContract, describeCallRecordCacheContract } from '../testing/index.js';
import { MemoryCallIndex } from './memoryCallIndex.js';
import { MemoryCallRecordCache } from './memoryCallRecordCache.js';

describeCallIndexContract('in memory', () => ({ subject: new MemoryCallIndex() }));
describeCallRecordCacheContract('in memory', () => ({ subject: new MemoryCallRecordCache() }));
