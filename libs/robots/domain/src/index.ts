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
  type ActionClient,
  type ActionCommand,
  type ActionPlace,
  type ActionTranslation,
} from './action-commands';
export { clientDetails, type ClientDetails } from './client-details';
export { templateLibrary, type TemplateLibrary } from './template-library';
export { pipelineNames, templateValues, type PipelineNames } from './template-values';
export * from './no-reply-timers';
export * from './round-robin';
