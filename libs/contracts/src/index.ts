export * from './envelope';
export * from './commands';
export * from './topics';
export * from './ids';
export * from './validation';
export * from './upcasting';
export * from './channel';
export * from './conversation';
export * from './crm';
export * from './tasks-notes';
export * from './read-models';
export * from './gateway';
export { IsVisibleText, visibleTextProblem } from './validation/visible-text';
export { NestedList, NestedObject } from './validation/nested-object';
export {
  MEDIA_KINDS,
  MEDIA_TAB_KINDS,
  isMediaKind,
  type MediaKind,
  type MediaTabKind,
  type ContentTypeSource,
  type MediaItem,
  type MediaLink,
} from './media/media-api';
export * from './robots/rule-definition';
export { ruleShapeProblems } from './robots/rule-shape';
export * from './robots/robots-events';
export * from './robots/robots-commands';
export { robotsEventDefinitions } from './robots/robots-event-definitions';
export {
  ROBOT_RULES_COLLECTION,
  ROBOT_RULE_LAST_RUNS,
  robotRuleDocumentId,
  robotRuleView,
  robotRulesView,
  type CreateRuleResponse,
  type RobotRuleDocument,
  type RobotRuleRun,
  type RobotRuleView,
  type RobotRunDetails,
  type RobotTimelineAction,
} from './robots/robots-api';
export { RuleChangeRequest, RuleRequest } from './robots/robots-requests';
export * from './translation';
