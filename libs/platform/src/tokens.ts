/**
 * Dependency-injection tokens for the ports every service module may ask for. The process
 * (an app's main.ts or the standalone) decides which adapter stands behind each.
 */
export const EVENT_STORE = 'parley:EventStore';
export const BUS = 'parley:Bus';
export const READ_STORE = 'parley:ReadStore';
/** The search read model (`SearchIndex`, L2): fed by the projector, read by the gateway. */
export const SEARCH_INDEX = 'parley:SearchIndex';
export const COMMAND_SENDER = 'parley:CommandSender';
/** `() => Date`: the one clock, so tests can hold time still. */
export const CLOCK = 'parley:Clock';
/** The process's workspace settings (`WorkspaceSettings`). */
export const WORKSPACE_SETTINGS = 'parley:WorkspaceSettings';

export type Clock = () => Date;

export interface WorkspaceSettings {
  /** The workspace this deployment serves until workspaces are managed in the app. */
  readonly defaultWorkspaceId: string;
}
