import { deciderSpecification } from '@parley/decider';
import type { CrmSettingsDecidedEvent } from '../crm-decided-events';
import { crmSettingsDecider, firstStage } from './crm-settings-decider';
import { foldEvents } from '@parley/decider';

const admin = 'admin' as const;
const manager = 'manager' as const;
const vipCreated: CrmSettingsDecidedEvent = {
  type: 'Crm.TagCreated',
  data: { name: 'VIP', colour: '#ff0000' },
};
const managersMayCreate: CrmSettingsDecidedEvent = {
  type: 'Crm.TagSettingsChanged',
  data: { managersCreateTags: true },
};
const retired = (stageId: string): CrmSettingsDecidedEvent => ({
  type: 'Crm.StageRetired',
  data: { stageId },
});
const LIVE = ['new', 'in_progress', 'registered', 'deposited', 'lost'];

describe('CRM settings decider: tag catalogue and pipeline (A4, R3)', () => {
  const spec = deciderSpecification(crmSettingsDecider);
  const createTag = (actorRole: 'admin' | 'manager', onTheFly: boolean, name = 'VIP') =>
    ({ kind: 'CreateTag', name, colour: '#ff0000', actorRole, onTheFly }) as const;

  describe('tags', () => {
    it('given no tags, when an admin creates one, then TagCreated', () => {
      spec.given([]).when(createTag(admin, false)).then([vipCreated]);
    });

    it('given the tag, when an admin creates it again in another case, then rejected', () => {
      spec
        .given([vipCreated])
        .when(createTag(admin, false, 'vip'))
        .thenThrows('tag.exists', 'The catalogue already has the tag "VIP".');
    });

    it('given a manager, when they create a tag in the catalogue, then rejected as admin only', () => {
      spec
        .given([])
        .when(createTag(manager, false))
        .thenThrows('role.admin_only', 'Only an admin can change the tag catalogue.');
    });

    it('given managers may not create tags, when a manager adds an unknown tag on the fly, then rejected with the reason', () => {
      spec
        .given([])
        .when(createTag(manager, true))
        .thenThrows(
          'tag.unknown',
          'There is no tag "VIP" in the catalogue, and only an admin can create tags in this workspace.',
        );
    });

    it('given managers may create tags, when a manager adds an unknown tag on the fly, then TagCreated', () => {
      spec.given([managersMayCreate]).when(createTag(manager, true)).then([vipCreated]);
    });

    it('given an admin, when they add an unknown tag on the fly, then TagCreated', () => {
      spec.given([]).when(createTag(admin, true)).then([vipCreated]);
    });

    it('given the tag, when it is added on the fly, then nothing happens', () => {
      spec
        .given([vipCreated])
        .when(createTag(manager, true, 'vip'))
        .thenNothingHappened();
    });

    it('given the tag, when an admin recolours it, then TagColourChanged; to its colour, nothing', () => {
      spec
        .given([vipCreated])
        .when({ kind: 'ChangeTagColour', name: 'vip', colour: '#00ff00', actorRole: admin })
        .then([
          { type: 'Crm.TagColourChanged', data: { name: 'VIP', from: '#ff0000', to: '#00ff00' } },
        ]);
      spec
        .given([vipCreated])
        .when({ kind: 'ChangeTagColour', name: 'VIP', colour: '#ff0000', actorRole: admin })
        .thenNothingHappened();
    });

    it('given no such tag, when recoloured, then rejected; by a manager, admin only', () => {
      spec
        .given([])
        .when({ kind: 'ChangeTagColour', name: 'VIP', colour: '#00ff00', actorRole: admin })
        .thenThrows('tag.unknown', 'There is no tag "VIP" in the catalogue.');
      spec
        .given([vipCreated])
        .when({ kind: 'ChangeTagColour', name: 'VIP', colour: '#00ff00', actorRole: manager })
        .thenRejects('role.admin_only');
    });

    it('given the setting, when an admin changes it, then TagSettingsChanged; to what it is, nothing; by a manager, rejected', () => {
      spec
        .given([])
        .when({ kind: 'ChangeTagSettings', managersCreateTags: true, actorRole: admin })
        .then([managersMayCreate]);
      spec
        .given([managersMayCreate])
        .when({ kind: 'ChangeTagSettings', managersCreateTags: true, actorRole: admin })
        .thenNothingHappened();
      spec
        .given([])
        .when({ kind: 'ChangeTagSettings', managersCreateTags: true, actorRole: manager })
        .thenThrows('role.admin_only', 'Only an admin can change the tag settings.');
    });
  });

  describe('pipeline', () => {
    const add = (stageId: string, name: string, actorRole: 'admin' | 'manager' = admin) =>
      ({ kind: 'AddStage', stageId, name, actorRole }) as const;

    it('given the default pipeline, when an admin adds a stage, then StageAdded', () => {
      spec
        .given([])
        .when(add('won', 'Won'))
        .then([{ type: 'Crm.StageAdded', data: { stageId: 'won', name: 'Won' } }]);
    });

    it.each([
      [
        'an id in use',
        add('new', 'Fresh'),
        'stage.exists',
        'The pipeline already has a stage with the id "new".',
      ],
      [
        'a live name in use',
        add('x', 'in PROGRESS'),
        'stage.name_taken',
        'The pipeline already has a stage named "In progress".',
      ],
      [
        'a manager',
        add('won', 'Won', manager),
        'role.admin_only',
        'Only an admin can change the pipeline.',
      ],
    ])(
      'given the default pipeline, when a stage is added with %s, then rejected',
      (_what, command, code, reason) => {
        spec.given([]).when(command).thenThrows(code, reason);
      },
    );

    it('given a retired stage, when a new one takes its name, then StageAdded', () => {
      spec
        .given([retired('lost')])
        .when(add('lost2', 'Lost'))
        .then([{ type: 'Crm.StageAdded', data: { stageId: 'lost2', name: 'Lost' } }]);
    });

    it('given a stage, when renamed, then StageRenamed; to its name, nothing', () => {
      spec
        .given([])
        .when({ kind: 'RenameStage', stageId: 'new', name: 'Fresh', actorRole: admin })
        .then([{ type: 'Crm.StageRenamed', data: { stageId: 'new', from: 'New', to: 'Fresh' } }]);
      spec
        .given([])
        .when({ kind: 'RenameStage', stageId: 'new', name: 'New', actorRole: admin })
        .thenNothingHappened();
    });

    it.each([
      [
        'an unknown stage',
        [],
        'won',
        'Won',
        'stage.unknown',
        'There is no stage "won" in the pipeline.',
      ],
      [
        'a retired stage',
        [retired('lost')],
        'lost',
        'Gone',
        'stage.retired',
        'The stage "Lost" is retired.',
      ],
      [
        'the name of another',
        [],
        'new',
        'Lost',
        'stage.name_taken',
        'The pipeline already has a stage named "Lost".',
      ],
    ] as const)(
      'given %s, when renamed, then rejected',
      (_what, history, stageId, name, code, reason) => {
        spec
          .given([...history])
          .when({ kind: 'RenameStage', stageId, name, actorRole: admin })
          .thenThrows(code, reason);
      },
    );

    it('given the default pipeline, when reordered, then StagesReordered and the new order holds', () => {
      const order = ['in_progress', 'new', 'registered', 'deposited', 'lost'];
      const reordered: CrmSettingsDecidedEvent = {
        type: 'Crm.StagesReordered',
        data: { stageIds: order },
      };
      spec
        .given([])
        .when({ kind: 'ReorderStages', stageIds: order, actorRole: admin })
        .then([reordered]);
      const state = foldEvents(crmSettingsDecider, [reordered]);
      expect(state.stages.map((s) => s.stageId)).toEqual(order);
      expect(firstStage(state)).toBe('in_progress');
    });

    it('given the default pipeline, when reordered into the same order, then nothing happens', () => {
      spec
        .given([])
        .when({ kind: 'ReorderStages', stageIds: LIVE, actorRole: admin })
        .thenNothingHappened();
    });

    it('given a retired stage, when the order leaves a stage out, names the retired one and repeats one, then rejected with each problem', () => {
      spec
        .given([retired('lost')])
        .when({
          kind: 'ReorderStages',
          stageIds: ['new', 'new', 'registered', 'deposited', 'lost'],
          actorRole: admin,
        })
        .thenThrows(
          'pipeline.order_mismatch',
          'The new order must list every live stage once (missing in_progress; not live stages: lost; given twice: new).',
        );
    });

    it('given a live stage, when retired, then StageRetired, it goes after the live ones, and new deals start at the next', () => {
      spec
        .given([])
        .when({ kind: 'RetireStage', stageId: 'new', actorRole: admin })
        .then([retired('new')]);
      const state = foldEvents(crmSettingsDecider, [retired('new')]);
      expect(state.stages.at(-1)).toEqual({ stageId: 'new', name: 'New', retired: true });
      expect(firstStage(state)).toBe('in_progress');
    });

    it('given a retired stage, when retired again, then nothing happens', () => {
      spec
        .given([retired('lost')])
        .when({ kind: 'RetireStage', stageId: 'lost', actorRole: admin })
        .thenNothingHappened();
    });

    it('given one live stage, when it is retired, then rejected: a pipeline needs one', () => {
      spec
        .given(['new', 'in_progress', 'registered', 'deposited'].map(retired))
        .when({ kind: 'RetireStage', stageId: 'lost', actorRole: admin })
        .thenThrows(
          'pipeline.last_stage',
          'The stage "Lost" is the last live stage: a pipeline needs one.',
        );
    });

    it('given no such stage, when retired, then rejected; by a manager, admin only', () => {
      spec
        .given([])
        .when({ kind: 'RetireStage', stageId: 'won', actorRole: admin })
        .thenThrows('stage.unknown', 'There is no stage "won" in the pipeline.');
      spec
        .given([])
        .when({ kind: 'RetireStage', stageId: 'new', actorRole: manager })
        .thenRejects('role.admin_only');
      spec
        .given([])
        .when({ kind: 'ReorderStages', stageIds: LIVE, actorRole: manager })
        .thenRejects('role.admin_only');
      spec
        .given([])
        .when({ kind: 'RenameStage', stageId: 'new', name: 'X', actorRole: manager })
        .thenRejects('role.admin_only');
    });
  });
});
