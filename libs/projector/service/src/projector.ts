import { Inject, Injectable, Optional, type OnModuleInit } from '@nestjs/common';
import type { Bus } from '@parley/bus';
import { READ_MODEL_CHANGES_TOPIC, type ReadModelChange } from '@parley/contracts';
import { BUS, HealthRegistry, READ_STORE, SEARCH_INDEX } from '@parley/platform';
import {
  collectionsOf,
  projectEvent,
  projectWorkspaceEvent,
  searchOperations,
  type ProjectableEvent,
  type SearchOperation,
} from '@parley/projections';
import { readStoreForEventAt, type ReadStore } from '@parley/read-store';
import type { SearchIndex } from '@parley/search';
import { applyProjection } from './apply-projection';
import { GroupCommitSearchIndex } from './group-commit-search-index';
import { PerKeyQueue } from './per-key-queue';
import { ensureReadModelIndexes } from './read-model-indexes';

/** Applies events to the read models and announces what changed (docs/architecture.md, Read models). */
@Injectable()
export class Projector implements OnModuleInit {
  private indexes?: Promise<void>;
  /** One conversation's documents are written by one event at a time (see PerKeyQueue). */
  private readonly conversations = new PerKeyQueue();
  /** One workspace's template library (and robots' rules) is written by one event at a time. */
  private readonly workspaces = new PerKeyQueue();
  /**
   * The search read model, its writes gathered by group commit: conversations projected at once
   * write search together, one write instead of one each (GroupCommitSearchIndex).
   */
  private readonly searchIndex: SearchIndex | null;

  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(BUS) private readonly bus: Bus,
    private readonly health: HealthRegistry,
    /** The search read model (L2); a process without one projects no search. */
    @Optional() @Inject(SEARCH_INDEX) searchIndex: SearchIndex | null = null,
  ) {
    this.searchIndex = searchIndex && new GroupCommitSearchIndex(searchIndex);
  }

  async onModuleInit(): Promise<void> {
    this.health.register({
      name: 'projector',
      description: 'projector (chats, timeline, cards read models)',
      check: async () => {
        await this.readStore.collection('chats').findOne({ _id: '__health' });
      },
    });
    await this.ready();
  }

  /**
   * Project one event; publish a ReadModelChange (keyed by conversation) when a document
   * changed. A redelivered event changes nothing and announces nothing, except on a retry
   * (`retry`: the bus's attempt > 1), where the failed attempt may have changed the documents
   * and then failed to announce it: a retry announces every collection the event touches. A
   * template library's event (B1, B3) or a robot rule's (A4) changes its workspace's document
   * and announces nothing; a rule's run (A2) changes its rule's document, then its conversation's
   * timeline, which is announced. The search read model (L2) is written in the conversation's
   * turn too, after its documents, and announces nothing: a failure there fails the event, whose
   * retry changes the documents no more and announces them (`retry`).
   */
  async handle(source: ProjectableEvent, retry = false): Promise<ReadModelChange | null> {
    await this.ready();
    const workspace = projectWorkspaceEvent(source);
    if (workspace) {
      await this.workspaces.run(workspace.workspaceId, () =>
        applyProjection(readStoreForEventAt(this.readStore, source.position), workspace),
      );
    }
    const search = this.searchIndex ? searchOperations(source) : [];
    const projection = projectEvent(source);
    if (!projection) {
      const [first] = search;
      if (first) await this.conversations.run(first.conversationId, () => this.applySearch(search));
      return null;
    }
    return this.conversations.run(projection.conversationId, async () => {
      const changed = await applyProjection(
        readStoreForEventAt(this.readStore, source.position),
        projection,
      );
      await this.applySearch(search);
      const collections = changed.length === 0 && retry ? collectionsOf(projection) : changed;
      if (collections.length === 0) return null;
      const change: ReadModelChange = {
        workspaceId: projection.workspaceId,
        conversationId: projection.conversationId,
        collections,
        position: source.position,
      };
      await this.bus.publish([
        { topic: READ_MODEL_CHANGES_TOPIC, key: change.conversationId, value: change },
      ]);
      return change;
    });
  }

  private async applySearch(operations: readonly SearchOperation[]): Promise<void> {
    if (this.searchIndex && operations.length > 0) await this.searchIndex.apply(operations);
  }

  private ready(): Promise<void> {
    this.indexes ??= ensureReadModelIndexes(this.readStore).catch((error: unknown) => {
      this.indexes = undefined;
      throw error;
    });
    return this.indexes;
  }
}
