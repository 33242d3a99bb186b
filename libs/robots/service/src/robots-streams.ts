import {
  EventCatalog,
  robotsEventDefinitions,
  ruleKey,
  streamName,
  type CommandEnvelope,
} from '@parley/contracts';
import { handleCommand, type CommandHandler } from '@parley/command-handling';
import { ruleDecider, type RuleCommand } from '@parley/robots-domain';
import type { EventStore } from '@parley/eventstore';

/** The robots' context: streams `robots-…`, events on `parley.robots.events`. */
export const ROBOTS_CONTEXT = 'robots';

/** Every robots stream starts with this (for `readAll` filters). */
export const ROBOTS_STREAM_PREFIX = `${ROBOTS_CONTEXT}-`;

/** A rule's stream: `robots-{ws}:rule:{ruleId}`. */
export const ruleStream = (workspaceId: string, ruleId: string): string =>
  streamName(ROBOTS_CONTEXT, ruleKey(workspaceId, ruleId));

/** What rules did to a conversation: `robots-{conversationId}` (`Robots.RuleRan`). */
export const runsStream = (conversationId: string): string =>
  streamName(ROBOTS_CONTEXT, conversationId);

const RULE_STREAM = /^robots-[^:]+:rule:[^:]+$/;

/** True for a rule's stream (a conversation's runs stream never has `:rule:` in its id). */
export const isRuleStream = (stream: string): boolean => RULE_STREAM.test(stream);

/** The robots' events, for reading the store and the bus (envelope and payload checked). */
export const robotsCatalog = new EventCatalog().register(...robotsEventDefinitions);

/** Run one rule command on its stream: read, fold, decide, append (handleCommand). */
export const runRuleCommand = (
  store: EventStore,
  ruleId: string,
  command: RuleCommand,
  envelope: CommandEnvelope,
): ReturnType<CommandHandler> =>
  handleCommand({
    store,
    streamName: ruleStream(envelope.metadata.workspaceId, ruleId),
    aggregateId: ruleKey(envelope.metadata.workspaceId, ruleId),
    decider: ruleDecider,
    command,
    envelope,
  });
