import {
  DEFAULT_PIPELINE_STAGES,
  type ActorRole,
  type PipelineStage,
  type Tag,
  type TrackingLinkFields,
} from '@parley/contracts';
import { assertNever, DomainRuleViolation, type Decider } from '@parley/decider';
import type { CrmSettingsDecidedEvent } from '../crm-decided-events';
import { sameName } from '../names';

/** The colour of a tag a manager created on the fly, until an admin picks one. */
export const DEFAULT_TAG_COLOUR = '#9e9e9e';

/**
 * Add a tag to the catalogue. `onTheFly`: a manager added a tag the catalogue lacks to a contact;
 * allowed to admins, and to managers when the workspace lets them; a tag that exists is then
 * no change. Otherwise an admin's catalogue edit, where a tag that exists is refused.
 */
export interface CreateTag {
  readonly kind: 'CreateTag';
  readonly name: string;
  readonly colour: string;
  readonly actorRole: ActorRole;
  readonly onTheFly: boolean;
}

export interface ChangeTagColour {
  readonly kind: 'ChangeTagColour';
  readonly name: string;
  readonly colour: string;
  readonly actorRole: ActorRole;
}

export interface ChangeTagSettings {
  readonly kind: 'ChangeTagSettings';
  readonly managersCreateTags: boolean;
  readonly actorRole: ActorRole;
}

export interface AddStage {
  readonly kind: 'AddStage';
  readonly stageId: string;
  readonly name: string;
  readonly actorRole: ActorRole;
}

export interface RenameStage {
  readonly kind: 'RenameStage';
  readonly stageId: string;
  readonly name: string;
  readonly actorRole: ActorRole;
}

/** Every live stage, once, in the new order. */
export interface ReorderStages {
  readonly kind: 'ReorderStages';
  readonly stageIds: readonly string[];
  readonly actorRole: ActorRole;
}

export interface RetireStage {
  readonly kind: 'RetireStage';
  readonly stageId: string;
  readonly actorRole: ActorRole;
}

export interface DeleteTag {
  readonly kind: 'DeleteTag';
  readonly name: string;
  readonly actorRole: ActorRole;
}

/** The registration-link template (R7): an URL holding `{click_id}` (the DTO checked), or null. */
export interface SetRegistrationLinkTemplate {
  readonly kind: 'SetRegistrationLinkTemplate';
  readonly template: string | null;
  readonly actorRole: ActorRole;
}

export interface CreateTrackingLink extends TrackingLinkFields {
  readonly kind: 'CreateTrackingLink';
  readonly createdAt: string;
  readonly actorRole: ActorRole;
}

export interface CreateConversionKey {
  readonly kind: 'CreateConversionKey';
  readonly keyId: string;
  readonly label: string;
  readonly createdAt: string;
  readonly actorRole: ActorRole;
}

export interface RevokeConversionKey {
  readonly kind: 'RevokeConversionKey';
  readonly keyId: string;
  readonly revokedAt: string;
  readonly actorRole: ActorRole;
}

export type CrmSettingsCommand =
  | DeleteTag
  | SetRegistrationLinkTemplate
  | CreateTrackingLink
  | CreateConversionKey
  | RevokeConversionKey
  | CreateTag
  | ChangeTagColour
  | ChangeTagSettings
  | AddStage
  | RenameStage
  | ReorderStages
  | RetireStage;

/**
 * A workspace's CRM settings. Every workspace has them from the start (DEFAULT_PIPELINE, an
 * empty catalogue, managers may not create tags), so there is one status.
 */
export interface CrmSettingsState {
  readonly status: 'configured';
  readonly tags: readonly Tag[];
  readonly managersCreateTags: boolean;
  /** Live stages in order, then retired ones. */
  readonly stages: readonly PipelineStage[];
  readonly registrationLinkTemplate: string | null;
  /** Oldest first. */
  readonly trackingLinks: readonly (TrackingLinkFields & { readonly createdAt: string })[];
  /** Oldest first; a revoked key stays, with when. */
  readonly conversionKeys: readonly ConversionKeyState[];
}

export interface ConversionKeyState {
  readonly keyId: string;
  readonly label: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/** The key that may sign conversions now: known and not revoked. */
export const liveConversionKey = (
  state: CrmSettingsState,
  keyId: string,
): ConversionKeyState | undefined =>
  state.conversionKeys.find((k) => k.keyId === keyId && k.revokedAt === null);

/** Live stages first, in their order, then the retired ones. */
const liveFirst = (stages: readonly PipelineStage[]): PipelineStage[] => [
  ...stages.filter((s) => !s.retired),
  ...stages.filter((s) => s.retired),
];

const requireAdmin = (role: ActorRole, what: string): void => {
  if (role !== 'admin') {
    throw new DomainRuleViolation('role.admin_only', `Only an admin can change ${what}.`);
  }
};

const liveStage = (state: CrmSettingsState, stageId: string): PipelineStage => {
  const stage = state.stages.find((s) => s.stageId === stageId);
  if (!stage) {
    throw new DomainRuleViolation(
      'stage.unknown',
      `There is no stage "${stageId}" in the pipeline.`,
    );
  }
  if (stage.retired) {
    throw new DomainRuleViolation('stage.retired', `The stage "${stage.name}" is retired.`);
  }
  return stage;
};

const requireFreeStageName = (state: CrmSettingsState, name: string, except?: string): void => {
  const taken = state.stages.find(
    (s) => !s.retired && s.stageId !== except && sameName(s.name, name),
  );
  if (taken) {
    throw new DomainRuleViolation(
      'stage.name_taken',
      `The pipeline already has a stage named "${taken.name}".`,
    );
  }
};

/** The workspace's tag, whatever the case of `name`. */
export const findTag = (state: CrmSettingsState, name: string): Tag | undefined =>
  state.tags.find((t) => sameName(t.name, name));

/** The stage new deals start in: the first live one. */
export const firstStage = (state: CrmSettingsState): string =>
  state.stages.find((s) => !s.retired)?.stageId ?? DEFAULT_PIPELINE_STAGES[0]!.stageId;

/**
 * The CRM settings aggregate of a workspace (stream `crm-{workspaceId}:crm_settings`): the tag
 * catalogue, whether managers may create tags, the pipeline (A4, R3), the registration-link
 * template (R7), tracking links (R2) and conversion keys (A3). Admins change it; a
 * manager only creates a tag on the fly, when the workspace allows it. A change to what is
 * already so emits nothing.
 */
export const crmSettingsDecider: Decider<
  CrmSettingsCommand,
  CrmSettingsDecidedEvent,
  CrmSettingsState
> = {
  initialState: () => ({
    status: 'configured',
    tags: [],
    managersCreateTags: false,
    stages: DEFAULT_PIPELINE_STAGES,
    registrationLinkTemplate: null,
    trackingLinks: [],
    conversionKeys: [],
  }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'Crm.TagCreated':
        return { ...state, tags: [...state.tags, event.data] };
      case 'Crm.TagColourChanged':
        return {
          ...state,
          tags: state.tags.map((t) =>
            t.name === event.data.name ? { ...t, colour: event.data.to } : t,
          ),
        };
      case 'Crm.TagSettingsChanged':
        return { ...state, managersCreateTags: event.data.managersCreateTags };
      case 'Crm.StageAdded':
        return {
          ...state,
          stages: liveFirst([
            ...state.stages,
            { stageId: event.data.stageId, name: event.data.name, retired: false },
          ]),
        };
      case 'Crm.StageRenamed':
        return {
          ...state,
          stages: state.stages.map((s) =>
            s.stageId === event.data.stageId ? { ...s, name: event.data.to } : s,
          ),
        };
      case 'Crm.StagesReordered': {
        const order = event.data.stageIds;
        const live = order.flatMap((id) =>
          state.stages.filter((s) => s.stageId === id && !s.retired),
        );
        const rest = state.stages.filter((s) => !live.includes(s));
        return { ...state, stages: liveFirst([...live, ...rest]) };
      }
      case 'Crm.StageRetired':
        return {
          ...state,
          stages: liveFirst(
            state.stages.map((s) =>
              s.stageId === event.data.stageId ? { ...s, retired: true } : s,
            ),
          ),
        };
      case 'Crm.TagDeleted':
        return { ...state, tags: state.tags.filter((t) => t.name !== event.data.name) };
      case 'Crm.RegistrationLinkTemplateChanged':
        return { ...state, registrationLinkTemplate: event.data.template };
      case 'Crm.TrackingLinkCreated':
        return { ...state, trackingLinks: [...state.trackingLinks, event.data] };
      case 'Crm.ConversionKeyCreated':
        return {
          ...state,
          conversionKeys: [...state.conversionKeys, { ...event.data, revokedAt: null }],
        };
      case 'Crm.ConversionKeyRevoked':
        return {
          ...state,
          conversionKeys: state.conversionKeys.map((k) =>
            k.keyId === event.data.keyId ? { ...k, revokedAt: event.data.revokedAt } : k,
          ),
        };
      default:
        return assertNever(event, 'crm settings event');
    }
  },
  decide: (command, state) => {
    switch (command.kind) {
      case 'CreateTag': {
        const existing = findTag(state, command.name);
        if (command.onTheFly) {
          if (existing) return [];
          if (command.actorRole !== 'admin' && !state.managersCreateTags) {
            throw new DomainRuleViolation(
              'tag.unknown',
              `There is no tag "${command.name}" in the catalogue, and only an admin can create tags in this workspace.`,
            );
          }
        } else {
          requireAdmin(command.actorRole, 'the tag catalogue');
          if (existing) {
            throw new DomainRuleViolation(
              'tag.exists',
              `The catalogue already has the tag "${existing.name}".`,
            );
          }
        }
        return [{ type: 'Crm.TagCreated', data: { name: command.name, colour: command.colour } }];
      }
      case 'ChangeTagColour': {
        requireAdmin(command.actorRole, 'the tag catalogue');
        const tag = findTag(state, command.name);
        if (!tag) {
          throw new DomainRuleViolation(
            'tag.unknown',
            `There is no tag "${command.name}" in the catalogue.`,
          );
        }
        if (tag.colour === command.colour) return [];
        return [
          {
            type: 'Crm.TagColourChanged',
            data: { name: tag.name, from: tag.colour, to: command.colour },
          },
        ];
      }
      case 'ChangeTagSettings':
        requireAdmin(command.actorRole, 'the tag settings');
        if (state.managersCreateTags === command.managersCreateTags) return [];
        return [
          {
            type: 'Crm.TagSettingsChanged',
            data: { managersCreateTags: command.managersCreateTags },
          },
        ];
      case 'AddStage': {
        requireAdmin(command.actorRole, 'the pipeline');
        if (state.stages.some((s) => s.stageId === command.stageId)) {
          throw new DomainRuleViolation(
            'stage.exists',
            `The pipeline already has a stage with the id "${command.stageId}".`,
          );
        }
        requireFreeStageName(state, command.name);
        return [{ type: 'Crm.StageAdded', data: { stageId: command.stageId, name: command.name } }];
      }
      case 'RenameStage': {
        requireAdmin(command.actorRole, 'the pipeline');
        const stage = liveStage(state, command.stageId);
        if (stage.name === command.name) return [];
        requireFreeStageName(state, command.name, stage.stageId);
        return [
          {
            type: 'Crm.StageRenamed',
            data: { stageId: stage.stageId, from: stage.name, to: command.name },
          },
        ];
      }
      case 'ReorderStages': {
        requireAdmin(command.actorRole, 'the pipeline');
        const live = state.stages.filter((s) => !s.retired).map((s) => s.stageId);
        const given = command.stageIds;
        const missing = live.filter((id) => !given.includes(id));
        const unknown = given.filter((id) => !live.includes(id));
        const repeated = given.filter((id, i) => given.indexOf(id) !== i);
        if (missing.length > 0 || unknown.length > 0 || repeated.length > 0) {
          const problems = [
            missing.length > 0 ? `missing ${missing.join(', ')}` : null,
            unknown.length > 0 ? `not live stages: ${unknown.join(', ')}` : null,
            repeated.length > 0 ? `given twice: ${repeated.join(', ')}` : null,
          ].filter((p) => p !== null);
          throw new DomainRuleViolation(
            'pipeline.order_mismatch',
            `The new order must list every live stage once (${problems.join('; ')}).`,
          );
        }
        if (given.every((id, i) => live[i] === id)) return [];
        return [{ type: 'Crm.StagesReordered', data: { stageIds: [...given] } }];
      }
      case 'RetireStage': {
        requireAdmin(command.actorRole, 'the pipeline');
        const stage = state.stages.find((s) => s.stageId === command.stageId);
        if (!stage) {
          throw new DomainRuleViolation(
            'stage.unknown',
            `There is no stage "${command.stageId}" in the pipeline.`,
          );
        }
        if (stage.retired) return [];
        if (state.stages.filter((s) => !s.retired).length === 1) {
          throw new DomainRuleViolation(
            'pipeline.last_stage',
            `The stage "${stage.name}" is the last live stage: a pipeline needs one.`,
          );
        }
        return [{ type: 'Crm.StageRetired', data: { stageId: stage.stageId } }];
      }
      case 'DeleteTag': {
        requireAdmin(command.actorRole, 'the tag catalogue');
        const tag = findTag(state, command.name);
        if (!tag) return [];
        return [{ type: 'Crm.TagDeleted', data: { name: tag.name } }];
      }
      case 'SetRegistrationLinkTemplate':
        requireAdmin(command.actorRole, 'the registration link');
        if (state.registrationLinkTemplate === command.template) return [];
        return [
          { type: 'Crm.RegistrationLinkTemplateChanged', data: { template: command.template } },
        ];
      case 'CreateTrackingLink': {
        requireAdmin(command.actorRole, 'the tracking links');
        const { key, source, platform, campaign, ad, adSet, createdAt } = command;
        const existing = state.trackingLinks.find((l) => l.key === key);
        if (existing) {
          const same =
            existing.source === source &&
            existing.platform === platform &&
            existing.campaign === campaign &&
            existing.ad === ad &&
            existing.adSet === adSet;
          if (same) return [];
          throw new DomainRuleViolation(
            'tracking_link.key_taken',
            `A tracking link with the key "${key}" already exists: keys stay with their link.`,
          );
        }
        return [
          {
            type: 'Crm.TrackingLinkCreated',
            data: { key, source, platform, campaign, ad, adSet, createdAt },
          },
        ];
      }
      case 'CreateConversionKey':
        requireAdmin(command.actorRole, 'the conversion keys');
        if (state.conversionKeys.some((k) => k.keyId === command.keyId)) return [];
        return [
          {
            type: 'Crm.ConversionKeyCreated',
            data: { keyId: command.keyId, label: command.label, createdAt: command.createdAt },
          },
        ];
      case 'RevokeConversionKey': {
        requireAdmin(command.actorRole, 'the conversion keys');
        const key = state.conversionKeys.find((k) => k.keyId === command.keyId);
        if (!key) {
          throw new DomainRuleViolation(
            'conversion_key.unknown',
            `There is no conversion key "${command.keyId}".`,
          );
        }
        if (key.revokedAt !== null) return [];
        return [
          {
            type: 'Crm.ConversionKeyRevoked',
            data: { keyId: key.keyId, revokedAt: command.revokedAt },
          },
        ];
      }
      default:
        return assertNever(command, 'crm settings command');
    }
  },
};
