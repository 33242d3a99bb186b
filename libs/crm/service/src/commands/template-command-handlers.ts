import {
  ChangeTemplateDataDto,
  CreateTemplateDataDto,
  DeleteTemplateDataDto,
  RemoveWorkspaceVariableDataDto,
  SetWorkspaceVariableDataDto,
  type ChangeTemplateData,
  type CreateTemplateData,
  type DeleteTemplateData,
  type RemoveWorkspaceVariableData,
  type SetWorkspaceVariableData,
} from '@parley/contracts';
import { handlerWithData, type CommandHandler } from '@parley/command-handling';
import type { EventStore } from '@parley/eventstore';
import { crmCommandTargets } from './crm-command-targets';

/**
 * The admin commands of a workspace's template library (B1, B3): reply templates and the
 * workspace variables they use, on stream `crm-{workspaceId}:templates`.
 */
export const templateCommandHandlers = (
  store: EventStore,
): Readonly<Record<string, CommandHandler>> => {
  const { onTemplates } = crmCommandTargets(store);
  return {
    CreateTemplate: handlerWithData<CreateTemplateData>(
      CreateTemplateDataDto,
      'CreateTemplate',
      (data, envelope) => onTemplates({ kind: 'CreateTemplate', ...data }, envelope),
    ),
    ChangeTemplate: handlerWithData<ChangeTemplateData>(
      ChangeTemplateDataDto,
      'ChangeTemplate',
      (data, envelope) => onTemplates({ kind: 'ChangeTemplate', ...data }, envelope),
    ),
    DeleteTemplate: handlerWithData<DeleteTemplateData>(
      DeleteTemplateDataDto,
      'DeleteTemplate',
      (data, envelope) => onTemplates({ kind: 'DeleteTemplate', ...data }, envelope),
    ),
    SetWorkspaceVariable: handlerWithData<SetWorkspaceVariableData>(
      SetWorkspaceVariableDataDto,
      'SetWorkspaceVariable',
      (data, envelope) => onTemplates({ kind: 'SetWorkspaceVariable', ...data }, envelope),
    ),
    RemoveWorkspaceVariable: handlerWithData<RemoveWorkspaceVariableData>(
      RemoveWorkspaceVariableDataDto,
      'RemoveWorkspaceVariable',
      (data, envelope) => onTemplates({ kind: 'RemoveWorkspaceVariable', ...data }, envelope),
    ),
  };
};
