import {
  TEMPLATE_LIBRARIES_COLLECTION,
  templateLibraryView,
  type TemplateLibraryDocument,
  type TemplateLibraryEvent,
} from '@parley/contracts';
import { projectWorkspaceEvent, type ProjectableEvent } from '@parley/projections';
import { createInMemoryReadStore, type ReadStore } from '@parley/read-store';
import { applyRecorded } from './testing/projected-documents';
import { workspaceEventLog } from './testing/workspace-event-log';

const stream = 'crm-ws1:templates';
const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

type Change = Pick<TemplateLibraryEvent, 'type' | 'data'>;

const log = workspaceEventLog<TemplateLibraryEvent>('2026-12-01T10:00:00.000Z');

/** The library's events, stored in order in its one stream. */
const recorded = (changes: readonly Change[]): ProjectableEvent[] => log(stream, changes);

/** The library's events feed the workspace's read models (template_libraries). */
const apply = (readStore: ReadStore, events: readonly ProjectableEvent[]) =>
  applyRecorded(readStore, events, [projectWorkspaceEvent]);

const libraryOf = async (readStore: ReadStore) =>
  (await readStore
    .collection(TEMPLATE_LIBRARIES_COLLECTION)
    .findOne({ _id: 'ws1' })) as unknown as TemplateLibraryDocument | null;

const template = (n: number, name: string, shortcode: string, text: string) => ({
  templateId: id(n),
  name,
  shortcode,
  text,
});

describe('template_libraries documents (B1, B3)', () => {
  const history = recorded([
    { type: 'Crm.TemplateCreated', data: template(1, 'Greeting', 'hello', 'Hi {user_name}') },
    { type: 'Crm.WorkspaceVariableSet', data: { name: 'price', value: '10 USD' } },
    { type: 'Crm.TemplateCreated', data: template(2, 'Price', 'price', 'Only {price}') },
    { type: 'Crm.TemplateCreated', data: template(3, 'Bye', 'bye', 'Bye') },
    {
      type: 'Crm.TemplateChanged',
      data: template(1, 'Hello', 'hi', 'Hello {user_name}, {offer}'),
    },
    { type: 'Crm.TemplateDeleted', data: { templateId: id(3) } },
    { type: 'Crm.WorkspaceVariableSet', data: { name: 'offer', value: '-20%' } },
  ]);
  const expected = {
    templates: [
      { ...template(1, 'Hello', 'hi', 'Hello {user_name}, {offer}'), attachment: null },
      { ...template(2, 'Price', 'price', 'Only {price}'), attachment: null },
    ],
    variables: { offer: '-20%', price: '10 USD' },
  };

  it('given no events, then the view is the defaults', async () => {
    const readStore = createInMemoryReadStore();
    expect(templateLibraryView(await libraryOf(readStore))).toEqual({
      templates: [],
      variables: { offer: '' },
    });
  });

  it('given a library history, then the view lists the templates in creation order with the variables', async () => {
    const readStore = createInMemoryReadStore();
    await apply(readStore, history);
    const document = await libraryOf(readStore);
    expect(document).toMatchObject({ _id: 'ws1', workspaceId: 'ws1' });
    expect(templateLibraryView(document)).toEqual(expected);
  });

  it('given the history applied twice (a replay), then the document is the same', async () => {
    const readStore = createInMemoryReadStore();
    await apply(readStore, history);
    const once = await libraryOf(readStore);
    await apply(readStore, history);
    expect(await libraryOf(readStore)).toEqual(once);
  });

  it('given the default {offer} removed first, then it stays removed', async () => {
    const readStore = createInMemoryReadStore();
    await apply(
      readStore,
      recorded([{ type: 'Crm.WorkspaceVariableRemoved', data: { name: 'offer' } }]),
    );
    expect(templateLibraryView(await libraryOf(readStore))).toEqual({
      templates: [],
      variables: {},
    });
  });

  it('given a template given a file, then the view shows it; changed without one, then none (issue 13)', async () => {
    const pdf = {
      mediaId: id(9),
      kind: 'document',
      fileName: 'prices.pdf',
      contentType: 'application/pdf',
      size: 2048,
    } as const;
    const readStore = createInMemoryReadStore();
    const history = recorded([
      {
        type: 'Crm.TemplateCreated',
        data: { ...template(1, 'Prices', 'prices', 'Ours'), attachment: pdf },
      },
      { type: 'Crm.TemplateChanged', data: template(1, 'Prices', 'prices', 'Ours') },
    ]);
    await apply(readStore, history.slice(0, 1));
    expect(templateLibraryView(await libraryOf(readStore)).templates).toEqual([
      { ...template(1, 'Prices', 'prices', 'Ours'), attachment: pdf },
    ]);
    await apply(readStore, history.slice(1));
    expect(templateLibraryView(await libraryOf(readStore)).templates).toEqual([
      { ...template(1, 'Prices', 'prices', 'Ours'), attachment: null },
    ]);
  });

  it('given a document written before templates had files, then its templates have none', () => {
    expect(
      templateLibraryView({
        templates: {
          [id(1)]: { ...template(1, 'Hi', 'hi', 'Hi'), createdRevision: 0 },
        } as unknown as TemplateLibraryDocument['templates'],
        variables: {},
      }).templates,
    ).toEqual([{ ...template(1, 'Hi', 'hi', 'Hi'), attachment: null }]);
  });
});
