import { createInMemoryReadStore } from '@parley/read-store';
import { describeClientOrderScenarios } from './testing/client-order-scenarios';

describeClientOrderScenarios('the in-memory read store', () => createInMemoryReadStore());
