import { describeAlertStoresContract } from '../../store/contract/alerts.contract.js';
import { createMemoryAlertStores } from './memoryAlertStores.js';

describeAlertStoresContract('in memory', () => {
  let clock = new Date('2026-11-29T12:00:00.000Z').getTime();
  return {
    stores: createMemoryAlertStores(() => new Date(clock)),
    advance: async (ms) => {
      clock += ms;
    },
    dispose: () => undefined,
  };
});
