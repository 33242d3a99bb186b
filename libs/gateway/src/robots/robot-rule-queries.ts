import {
  ROBOT_RULES_COLLECTION,
  robotRulesView,
  type RobotRuleDocument,
  type RobotRuleView,
  type User,
} from '@parley/contracts';
import type { ReadStore } from '@parley/read-store';

/**
 * Robots' rules (A2, A4) as the gateway reads them: the workspace's `robot_rules` documents,
 * live ones only, in evaluation order, each with its latest runs (`robotRulesView`).
 */
export class RobotRuleQueries {
  constructor(private readonly readStore: ReadStore) {}

  async rules(user: Pick<User, 'workspaceId'>): Promise<RobotRuleView[]> {
    const documents = await this.readStore
      .collection(ROBOT_RULES_COLLECTION)
      .find({ workspaceId: user.workspaceId, deleted: false }, { sort: { position: 1 } });
    return robotRulesView(documents as unknown as RobotRuleDocument[]);
  }
}
