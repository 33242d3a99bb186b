import { BaseRpcContext } from '@nestjs/microservices';
import type { DeliveredMessage } from '../bus.port';

/** What an @EventPattern handler gets as its context (`@Ctx() ctx: BusContext`). */
export class BusContext extends BaseRpcContext<[DeliveredMessage]> {
  constructor(message: DeliveredMessage) {
    super([message]);
  }

  getMessage(): DeliveredMessage {
    return this.args[0];
  }

  getHeaders(): Readonly<Record<string, string>> {
    return this.args[0].headers;
  }
}
