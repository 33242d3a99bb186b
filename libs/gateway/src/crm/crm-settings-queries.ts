import { Inject, Injectable } from '@nestjs/common';
import {
  CARDS_COLLECTION,
  crmEventDefinitions,
  crmSettingsId,
  EventCatalog,
  readEvent,
  streamName,
  type ConversionKeyList,
  type CrmSettingsView,
  type Pipeline,
  type TagCatalogue,
  type TrackingLinkList,
  type User,
} from '@parley/contracts';
import {
  crmSettingsDecider,
  type CrmSettingsDecidedEvent,
  type CrmSettingsState,
} from '@parley/crm-domain';
import { foldEvents } from '@parley/decider';
import type { EventStore } from '@parley/eventstore';
import { EVENT_STORE, READ_STORE } from '@parley/platform';
import type { ReadStore } from '@parley/read-store';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';

const crmEvents = new EventCatalog().register(...crmEventDefinitions);

/**
 * The tag catalogue and the pipeline of the user's workspace, read from the CRM settings stream
 * (one short stream per workspace, folded on each read) rather than from a read model: what an
 * admin just changed is there at once. Each stored event is validated as it is read.
 */
@Injectable()
export class CrmSettingsQueries {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async settingsView(user: User): Promise<CrmSettingsView> {
    const { managersCreateTags, registrationLinkTemplate } = await this.settings(user);
    return { managersCreateTags, registrationLinkTemplate };
  }

  /** Newest first, each with the clients it brought (contact cards attributed to its key). */
  async trackingLinks(user: User): Promise<TrackingLinkList> {
    const cards = this.readStore.collection(CARDS_COLLECTION);
    const bot = this.config.TELEGRAM_BOT_USERNAME;
    const links = [...(await this.settings(user)).trackingLinks].reverse();
    const items = await Promise.all(
      links.map(async (link) => ({
        ...link,
        clients: await cards.countDocuments({
          workspaceId: user.workspaceId,
          'contact.attribution.linkKey': link.key,
        }),
        deepLink: bot ? `https://t.me/${bot}?start=${link.key}` : null,
      })),
    );
    return { items };
  }

  /** Newest first; secrets are never listed. */
  async conversionKeys(user: User): Promise<ConversionKeyList> {
    return { items: [...(await this.settings(user)).conversionKeys].reverse() };
  }

  /** The workspace's settings as they stand, for checks such as a conversion key's. */
  settingsOf(workspaceId: string): Promise<CrmSettingsState> {
    return this.settings({ workspaceId });
  }

  async tagCatalogue(user: User): Promise<TagCatalogue> {
    const { tags, managersCreateTags } = await this.settings(user);
    return { tags, managersCreateTags };
  }

  async pipeline(user: User): Promise<Pipeline> {
    return { stages: (await this.settings(user)).stages };
  }

  private async settings(user: Pick<User, 'workspaceId'>): Promise<CrmSettingsState> {
    const recorded = await this.store.readStream(
      streamName('crm', crmSettingsId(user.workspaceId)),
    );
    return foldEvents(
      crmSettingsDecider,
      recorded.map((r) => readEvent(crmEvents, r.event) as unknown as CrmSettingsDecidedEvent),
    );
  }
}
