import { SignInLimiter } from './sign-in-limiter';
import { describeSignInLimiterContract } from './testing/sign-in-limiter.contract';

describeSignInLimiterContract('in memory', async (limits) => new SignInLimiter(limits, null));
