import { Inject, Injectable } from '@nestjs/common';
import {
  crmEventDefinitions,
  crmSettingsId,
  EventCatalog,
  readEvent,
  streamName,
  type Pipeline,
  type TagCatalogue,
  type User,
} from '@parley/contracts';
import {
  crmSettingsDecider,
  type CrmSettingsDecidedEvent,
  type CrmSettingsState,
} from '@parley/crm-domain';
import { foldEvents } from '@parley/decider';
import type { EventStore } from '@parley/eventstore';
import { EVENT_STORE } from '@parley/platform';

const crmEvents = new EventCatalog().register(...crmEventDefinitions);

/**
 * The tag catalogue and the pipeline of the user's workspace, read from the CRM settings stream
 * (one short stream per workspace, folded on each read) rather than from a read model: what an
 * admin just changed is there at once. Each stored event is validated as it is read.
 */
@Injectable()
export class CrmSettingsQueries {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async tagCatalogue(user: User): Promise<TagCatalogue> {
    const { tags, managersCreateTags } = await this.settings(user);
    return { tags, managersCreateTags };
  }

  async pipeline(user: User): Promise<Pipeline> {
    return { stages: (await this.settings(user)).stages };
  }

  private async settings(user: User): Promise<CrmSettingsState> {
    const recorded = await this.store.readStream(
      streamName('crm', crmSettingsId(user.workspaceId)),
    );
    return foldEvents(
      crmSettingsDecider,
      recorded.map((r) => readEvent(crmEvents, r.event) as unknown as CrmSettingsDecidedEvent),
    );
  }
}
