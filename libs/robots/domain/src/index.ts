export * from './keyword-match';
export * from './rule-evaluation';
export * from './rule-problems';
export * from './safe-pattern';
export * from './working-time';
export * from './rule-decider';
export { conversationFacts, evolveFacts, noFacts, type FactsEvent } from './conversation-facts';
export { happeningOf, textOfContent, type TriggerEvent } from './happenings';
export { robotDepth } from './robot-depth';
export { conversationParties, type ConversationParties } from './conversation-parties';
export {
  actionCommand,
  type ActionCommand,
  type ActionPlace,
  type ActionTranslation,
} from './action-commands';
