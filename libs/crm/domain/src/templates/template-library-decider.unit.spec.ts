import { deciderSpecification, foldEvents } from '@parley/decider';
import type { TemplateLibraryDecidedEvent } from '../crm-decided-events';
import { templateLibraryDecider } from './template-library-decider';

const admin = 'admin' as const;
const manager = 'manager' as const;
const GREETING_ID = '00000000-0000-4000-8000-000000000001';
const PROMO_ID = '00000000-0000-4000-8000-000000000002';

const greeting = {
  templateId: GREETING_ID,
  name: 'Greeting',
  shortcode: 'hello',
  text: 'Hi {user_name}, I am {manager_name}.',
};
const promo = {
  templateId: PROMO_ID,
  name: 'Promo',
  shortcode: 'promo',
  text: 'Today: {offer}. Register here: {link}',
};

const greetingCreated: TemplateLibraryDecidedEvent = {
  type: 'Crm.TemplateCreated',
  data: greeting,
};
const promoCreated: TemplateLibraryDecidedEvent = { type: 'Crm.TemplateCreated', data: promo };
/** A PDF an admin uploaded for a template (what the media store found). */
const pricesPdf = {
  mediaId: '00000000-0000-4000-8000-0000000000aa',
  kind: 'document',
  fileName: 'prices.pdf',
  contentType: 'application/pdf',
  size: 2048,
} as const;
const photo = {
  mediaId: '00000000-0000-4000-8000-0000000000bb',
  kind: 'photo',
  fileName: 'offer.png',
  contentType: 'image/png',
  size: 4096,
} as const;

const priceSet: TemplateLibraryDecidedEvent = {
  type: 'Crm.WorkspaceVariableSet',
  data: { name: 'price', value: '10 USD' },
};

describe('template library decider (B1, B3)', () => {
  const spec = deciderSpecification(templateLibraryDecider);

  describe('the state', () => {
    it('given nothing, then no templates and the default workspace variables', () => {
      expect(foldEvents(templateLibraryDecider, [])).toEqual({
        status: 'open',
        templates: [],
        variables: { offer: '' },
      });
    });

    it('given templates created, changed and deleted and variables set and removed, then they are in creation order', () => {
      const state = foldEvents(templateLibraryDecider, [
        greetingCreated,
        promoCreated,
        { type: 'Crm.TemplateChanged', data: { ...greeting, name: 'Hello' } },
        priceSet,
        { type: 'Crm.TemplateDeleted', data: { templateId: PROMO_ID } },
        { type: 'Crm.WorkspaceVariableRemoved', data: { name: 'offer' } },
      ]);
      expect(state.templates).toEqual([{ ...greeting, name: 'Hello', attachment: null }]);
      expect(state.variables).toEqual({ price: '10 USD' });
    });
  });

  describe('creating a template', () => {
    const create = {
      kind: 'CreateTemplate',
      ...greeting,
      attachment: null,
      actorRole: admin,
    } as const;

    it('given an empty library, when an admin creates a template with built-in variables, then TemplateCreated', () => {
      spec.given([]).when(create).then([greetingCreated]);
    });

    it('given the default variables, when a template uses {offer}, then TemplateCreated', () => {
      spec
        .given([])
        .when({ kind: 'CreateTemplate', ...promo, attachment: null, actorRole: admin })
        .then([promoCreated]);
    });

    it('given a manager, when they create a template, then rejected as admin only', () => {
      spec
        .given([])
        .when({ ...create, actorRole: manager })
        .thenThrows('role.admin_only', 'Only an admin can change the reply templates.');
    });

    it('given the same template, when it is created again (a retry), then nothing happens', () => {
      spec.given([greetingCreated]).when(create).thenNothingHappened();
    });

    it('given a template with that id, when another template is created with it, then rejected as existing', () => {
      spec
        .given([greetingCreated])
        .when({ ...create, text: 'Hello!' })
        .thenRejects('template.exists');
    });

    it('given a template with the shortcode, when another uses it, then rejected naming the template that has it', () => {
      spec
        .given([greetingCreated])
        .when({
          kind: 'CreateTemplate',
          ...promo,
          attachment: null,
          shortcode: 'hello',
          actorRole: admin,
        })
        .thenThrows(
          'template.shortcode_taken',
          'The shortcode /hello is taken by the template "Greeting": pick another one.',
        );
    });

    it('given no variable {price}, when a template uses it, then rejected naming it', () => {
      spec
        .given([])
        .when({ ...create, text: 'Only {price} today, {user_name}!' })
        .thenThrows(
          'template.unknown_variable',
          'The template uses {price}, which is no variable: add it under Variables or remove it.',
        );
    });

    it('given neither {price} nor {date}, when a template uses both, then rejected naming each', () => {
      spec
        .given([])
        .when({ ...create, text: '{price} until {date}, {price}!' })
        .thenThrows(
          'template.unknown_variable',
          'The template uses {price} and {date}, which are no variables: add them under Variables or remove them.',
        );
    });

    it('given the workspace variable {price}, when a template uses it, then TemplateCreated', () => {
      const text = 'Only {price} today';
      spec
        .given([priceSet])
        .when({ ...create, text })
        .then([{ type: 'Crm.TemplateCreated', data: { ...greeting, text } }]);
    });
  });

  describe('changing a template', () => {
    const change = {
      kind: 'ChangeTemplate',
      ...greeting,
      attachment: null,
      actorRole: admin,
    } as const;

    it('given the template, when an admin changes its text, then TemplateChanged with all its fields', () => {
      spec
        .given([greetingCreated])
        .when({ ...change, text: 'Hello {user_name}' })
        .then([{ type: 'Crm.TemplateChanged', data: { ...greeting, text: 'Hello {user_name}' } }]);
    });

    it('given the template, when a change changes nothing, then nothing happens', () => {
      spec.given([greetingCreated]).when(change).thenNothingHappened();
    });

    it('given no such template, when an admin changes it, then rejected as not found', () => {
      spec.given([promoCreated]).when(change).thenRejects('template.not_found');
    });

    it('given a manager, when they change a template, then rejected as admin only', () => {
      spec
        .given([greetingCreated])
        .when({ ...change, name: 'Hi', actorRole: manager })
        .thenRejects('role.admin_only');
    });

    it('given another template has the shortcode, when the template takes it, then rejected naming that one', () => {
      spec
        .given([greetingCreated, promoCreated])
        .when({ ...change, shortcode: 'promo' })
        .thenThrows(
          'template.shortcode_taken',
          'The shortcode /promo is taken by the template "Promo": pick another one.',
        );
    });

    it('given the template, when its new text uses an unknown variable, then rejected naming it', () => {
      spec
        .given([greetingCreated])
        .when({ ...change, text: 'Hi {nickname}' })
        .thenThrows(
          'template.unknown_variable',
          'The template uses {nickname}, which is no variable: add it under Variables or remove it.',
        );
    });
  });

  describe('deleting a template', () => {
    it('given the template, when an admin deletes it, then TemplateDeleted', () => {
      spec
        .given([greetingCreated])
        .when({ kind: 'DeleteTemplate', templateId: GREETING_ID, actorRole: admin })
        .then([{ type: 'Crm.TemplateDeleted', data: { templateId: GREETING_ID } }]);
    });

    it('given no such template, when an admin deletes it, then rejected as not found', () => {
      spec
        .given([])
        .when({ kind: 'DeleteTemplate', templateId: GREETING_ID, actorRole: admin })
        .thenThrows('template.not_found', `There is no template "${GREETING_ID}".`);
    });

    it('given a manager, when they delete a template, then rejected as admin only', () => {
      spec
        .given([greetingCreated])
        .when({ kind: 'DeleteTemplate', templateId: GREETING_ID, actorRole: manager })
        .thenRejects('role.admin_only');
    });

    it('given a deleted template, when its shortcode is used again, then TemplateCreated', () => {
      spec
        .given([
          greetingCreated,
          { type: 'Crm.TemplateDeleted', data: { templateId: GREETING_ID } },
        ])
        .when({
          kind: 'CreateTemplate',
          ...promo,
          attachment: null,
          shortcode: 'hello',
          actorRole: admin,
        })
        .then([{ type: 'Crm.TemplateCreated', data: { ...promo, shortcode: 'hello' } }]);
    });
  });

  describe('workspace variables', () => {
    it('given none, when an admin sets a new one, then WorkspaceVariableSet', () => {
      spec
        .given([])
        .when({ kind: 'SetWorkspaceVariable', name: 'price', value: '10 USD', actorRole: admin })
        .then([priceSet]);
    });

    it('given the default {offer}, when an admin sets its value, then WorkspaceVariableSet', () => {
      spec
        .given([])
        .when({ kind: 'SetWorkspaceVariable', name: 'offer', value: '-20%', actorRole: admin })
        .then([{ type: 'Crm.WorkspaceVariableSet', data: { name: 'offer', value: '-20%' } }]);
    });

    it('given the variable, when it is set to its current value, then nothing happens', () => {
      spec
        .given([priceSet])
        .when({ kind: 'SetWorkspaceVariable', name: 'price', value: '10 USD', actorRole: admin })
        .thenNothingHappened();
      spec
        .given([])
        .when({ kind: 'SetWorkspaceVariable', name: 'offer', value: '', actorRole: admin })
        .thenNothingHappened();
    });

    it.each(['user_name', 'manager_name', 'stage', 'link'])(
      'given the built-in {%s}, when an admin sets it, then rejected as built in',
      (name) => {
        spec
          .given([])
          .when({ kind: 'SetWorkspaceVariable', name, value: 'x', actorRole: admin })
          .thenThrows(
            'variable.built_in',
            `{${name}} is a built-in variable, filled from the client's card or the manager: it cannot be set or removed.`,
          );
      },
    );

    it('given a manager, when they set or remove a variable, then rejected as admin only', () => {
      spec
        .given([])
        .when({ kind: 'SetWorkspaceVariable', name: 'price', value: '1', actorRole: manager })
        .thenThrows('role.admin_only', 'Only an admin can change the workspace variables.');
      spec
        .given([priceSet])
        .when({ kind: 'RemoveWorkspaceVariable', name: 'price', actorRole: manager })
        .thenRejects('role.admin_only');
    });

    it('given a variable no template uses, when an admin removes it, then WorkspaceVariableRemoved', () => {
      spec
        .given([priceSet, greetingCreated])
        .when({ kind: 'RemoveWorkspaceVariable', name: 'price', actorRole: admin })
        .then([{ type: 'Crm.WorkspaceVariableRemoved', data: { name: 'price' } }]);
    });

    it('given no such variable, when an admin removes it, then nothing happens', () => {
      spec
        .given([])
        .when({ kind: 'RemoveWorkspaceVariable', name: 'price', actorRole: admin })
        .thenNothingHappened();
    });

    it('given templates using {offer}, when an admin removes it, then rejected naming them', () => {
      const second = {
        templateId: '00000000-0000-4000-8000-000000000003',
        name: 'Reminder',
        shortcode: 'remind',
        text: 'Do not miss {offer}',
      };
      spec
        .given([promoCreated, greetingCreated, { type: 'Crm.TemplateCreated', data: second }])
        .when({ kind: 'RemoveWorkspaceVariable', name: 'offer', actorRole: admin })
        .thenThrows(
          'variable.in_use',
          '{offer} is used by the templates "Promo", "Reminder": change them first.',
        );
    });

    it('given the built-in {stage}, when an admin removes it, then rejected as built in', () => {
      spec
        .given([])
        .when({ kind: 'RemoveWorkspaceVariable', name: 'stage', actorRole: admin })
        .thenRejects('variable.built_in');
    });
  });

  describe('a template’s file (issue 13)', () => {
    const create = {
      kind: 'CreateTemplate',
      ...greeting,
      attachment: pricesPdf,
      actorRole: admin,
    } as const;
    const withPdf: TemplateLibraryDecidedEvent = {
      type: 'Crm.TemplateCreated',
      data: { ...greeting, attachment: pricesPdf },
    };
    const change = { ...create, kind: 'ChangeTemplate' } as const;

    it('given an empty library, when an admin creates a template with a document, then TemplateCreated carries it', () => {
      spec.given([]).when(create).then([withPdf]);
    });

    it('given a template with a file, then the state keeps it; a template created before files has none', () => {
      const state = foldEvents(templateLibraryDecider, [withPdf, promoCreated]);
      expect(state.templates).toEqual([
        { ...greeting, attachment: pricesPdf },
        { ...promo, attachment: null },
      ]);
    });

    it('given the template with its file, when it is created again (a retry), then nothing happens', () => {
      spec.given([withPdf]).when(create).thenNothingHappened();
    });

    it('given a text-only template, when an admin gives it a photo, then TemplateChanged with the photo', () => {
      spec
        .given([greetingCreated])
        .when({ ...change, attachment: photo })
        .then([{ type: 'Crm.TemplateChanged', data: { ...greeting, attachment: photo } }]);
    });

    it('given a template with a file, when an admin removes the file, then TemplateChanged without one', () => {
      spec
        .given([withPdf])
        .when({ ...change, attachment: null })
        .then([{ type: 'Crm.TemplateChanged', data: greeting }]);
    });

    it('given a template with a file, when a change names the same file, then nothing happens', () => {
      spec.given([withPdf]).when(change).thenNothingHappened();
    });

    it('given a file a chat upload would refuse as a photo, then rejected saying why', () => {
      spec
        .given([])
        .when({ ...create, attachment: { ...pricesPdf, kind: 'photo' } })
        .thenThrows(
          'template.attachment_refused',
          'The file cannot be sent: a photo must be JPEG, PNG, WebP; this file is application/pdf: send it as a document.',
        );
    });

    it('given a photo over Telegram’s 10 MB, then rejected saying the limit', () => {
      spec
        .given([])
        .when({ ...create, attachment: { ...photo, size: 10 * 1024 * 1024 + 1 } })
        .thenThrows(
          'template.attachment_refused',
          `The file cannot be sent: a photo may have at most ${10 * 1024 * 1024} bytes.`,
        );
    });

    it('given a file, when the text is longer than a caption, then rejected; without the file it is fine', () => {
      const text = 'x'.repeat(1025);
      spec
        .given([])
        .when({ ...create, text })
        .thenThrows(
          'template.caption_too_long',
          "With a file, the template's text is the file's caption, and Telegram takes at most 1024 characters of caption; this text has 1025. Shorten it or remove the file.",
        );
      spec
        .given([withPdf])
        .when({ ...change, text })
        .thenRejects('template.caption_too_long');
      spec
        .given([withPdf])
        .when({ ...change, text, attachment: null })
        .then([{ type: 'Crm.TemplateChanged', data: { ...greeting, text } }]);
      spec
        .given([])
        .when({ ...create, text: 'x'.repeat(1024) })
        .then([
          {
            type: 'Crm.TemplateCreated',
            data: { ...greeting, text: 'x'.repeat(1024), attachment: pricesPdf },
          },
        ]);
    });
  });
});
