import { Inject, Injectable } from '@nestjs/common';
import { readEvent } from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import { EVENT_STORE } from '@parley/platform';
import {
  ruleDecider,
  type Rule,
  type RuleDecidedEvent,
  type RuleState,
} from '@parley/robots-domain';
import { isRuleStream, robotsCatalog, ROBOTS_STREAM_PREFIX } from '../robots-streams';

/** Events of the store read per page. */
const PAGE = 1_000;

/** A rule as the book keeps it: with who created it (a robot's task goes to them by default). */
export interface BookRule extends Rule {
  /** The user id of the admin who created the rule (`Robots.RuleCreated.createdBy`). */
  readonly createdBy: string;
}

interface KeptRule {
  readonly workspaceId: string;
  readonly ruleId: string;
  state: RuleState;
  createdBy: string;
}

/**
 * The rules of every workspace, folded from the event store (all `robots-` streams, rule
 * streams only, through ruleDecider). Before each evaluation it reads what was stored after the
 * last position it folded (the store's appends are serialised, so positions only grow), so a
 * rule saved a moment ago is known to the next evaluation, and a restarted process starts from
 * the beginning again. One catch-up at a time.
 */
@Injectable()
export class RuleBook {
  private readonly rules = new Map<string, KeptRule>();
  private after: bigint | undefined;
  private catchingUp: Promise<void> = Promise.resolve();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The enabled rules of a workspace as the store holds them now. */
  async enabledRules(workspaceId: string): Promise<BookRule[]> {
    await this.catchUp();
    const rules: BookRule[] = [];
    for (const kept of this.rules.values()) {
      const { state } = kept;
      if (kept.workspaceId !== workspaceId || state.status !== 'live' || !state.enabled) continue;
      rules.push({
        ruleId: kept.ruleId,
        enabled: state.enabled,
        position: state.position,
        definition: state.definition,
        createdBy: kept.createdBy,
      });
    }
    return rules;
  }

  private catchUp(): Promise<void> {
    // A failed read fails its callers (the bus retries them), not every later catch-up.
    this.catchingUp = this.catchingUp.catch(() => undefined).then(() => this.readNew());
    return this.catchingUp;
  }

  private async readNew(): Promise<void> {
    for (;;) {
      const page = await this.store.readAll({
        after: this.after,
        maxCount: PAGE,
        filter: { streamPrefixes: [ROBOTS_STREAM_PREFIX] },
      });
      for (const recorded of page) {
        if (!isRuleStream(recorded.streamName)) continue;
        // Checked like anything from outside: envelope, version, payload.
        const event = readEvent(robotsCatalog, recorded.event) as unknown as RuleDecidedEvent;
        const kept = this.rules.get(recorded.streamName) ?? {
          workspaceId: recorded.event.metadata.workspaceId,
          ruleId: event.data.ruleId,
          state: ruleDecider.initialState(),
          createdBy: '',
        };
        kept.state = ruleDecider.evolve(kept.state, event);
        if (event.type === 'Robots.RuleCreated') kept.createdBy = event.data.createdBy;
        this.rules.set(recorded.streamName, kept);
      }
      if (page.length > 0) this.after = page.at(-1)!.position;
      if (page.length < PAGE) return;
    }
  }
}
