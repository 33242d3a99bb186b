import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { BusContext } from '@parley/bus';
import { eventsTopic } from '@parley/contracts';
import { fromDeliveredEvent } from './projectable-event-sources';
import { Projector } from './projector';

/** The projector's consumer: its own consumer group, so a slow projection delays no other handler. */
export const PROJECTOR_CONSUMER = 'projector';

/**
 * Every event of the projected contexts' topics goes through `projectEvent`, which ignores the
 * types no read model shows; the topic keeps per-conversation (per-key) order.
 */
@Controller()
export class ProjectorController {
  constructor(private readonly projector: Projector) {}

  private async project(ctx: BusContext): Promise<void> {
    const message = ctx.getMessage();
    await this.projector.handle(fromDeliveredEvent(message), message.attempt > 1);
  }

  @EventPattern({ topic: eventsTopic('conversation') }, { consumer: PROJECTOR_CONSUMER })
  async conversationEvent(@Ctx() ctx: BusContext): Promise<void> {
    await this.project(ctx);
  }

  @EventPattern({ topic: eventsTopic('crm') }, { consumer: PROJECTOR_CONSUMER })
  async crmEvent(@Ctx() ctx: BusContext): Promise<void> {
    await this.project(ctx);
  }

  @EventPattern({ topic: eventsTopic('tasksnotes') }, { consumer: PROJECTOR_CONSUMER })
  async tasksNotesEvent(@Ctx() ctx: BusContext): Promise<void> {
    await this.project(ctx);
  }

  /** Robots' rules (A4) and their runs (A2): `robot_rules`, and runs on the timeline. */
  @EventPattern({ topic: eventsTopic('robots') }, { consumer: PROJECTOR_CONSUMER })
  async robotsEvent(@Ctx() ctx: BusContext): Promise<void> {
    await this.project(ctx);
  }

  /** Translations, detected languages and AI scorings (issue 12); the translation settings. */
  @EventPattern({ topic: eventsTopic('translation') }, { consumer: PROJECTOR_CONSUMER })
  async translationEvent(@Ctx() ctx: BusContext): Promise<void> {
    await this.project(ctx);
  }
}
