import { createInProcessBus } from '../index';
import { describeBusTransportStrategy } from '../testing';

describeBusTransportStrategy('the in-process bus', () => createInProcessBus());
