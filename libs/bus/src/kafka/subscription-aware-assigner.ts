import { AssignerProtocol, type GroupMemberAssignment, type PartitionAssigner } from 'kafkajs';

export const SUBSCRIPTION_AWARE_ASSIGNER = 'ParleySubscriptionAwareRoundRobin';

/**
 * Round robin of each topic's partitions over the members that subscribe to that topic.
 * kafkajs's own round robin spreads every topic of the group over every member, which breaks
 * a group whose consumers read different topics (one consumer per subscription, docs/style.md 10):
 * a member would be handed partitions of a topic it never subscribed to, and they would go
 * unread; and it hands the leader only the leader's own topics. All consumers of the bus use this assigner, so a group agrees on it.
 */
export const subscriptionAwareAssigner: PartitionAssigner = ({ cluster }) => ({
  name: SUBSCRIPTION_AWARE_ASSIGNER,
  version: 0,

  async assign({ members }): Promise<GroupMemberAssignment[]> {
    const memberIds = members.map((m) => m.memberId).sort();
    const subscribedTopics = new Map(
      members.map((m) => [
        m.memberId,
        new Set(AssignerProtocol.MemberMetadata.decode(m.memberMetadata)?.topics ?? []),
      ]),
    );
    // kafkajs hands the leader only its own topics: the group's topics are those of all members.
    const topics = [...new Set([...subscribedTopics.values()].flatMap((t) => [...t]))].sort();
    await cluster.addMultipleTargetTopics(topics);
    const assignment = new Map<string, Record<string, number[]>>(memberIds.map((id) => [id, {}]));
    let rotation = 0;
    for (const topic of topics) {
      const subscribers = memberIds.filter((id) => subscribedTopics.get(id)?.has(topic));
      if (subscribers.length === 0) continue;
      const partitions = cluster
        .findTopicPartitionMetadata(topic)
        .map((p) => p.partitionId)
        .sort((a, b) => a - b);
      partitions.forEach((partition, i) => {
        const owner = assignment.get(subscribers[(i + rotation) % subscribers.length]!)!;
        (owner[topic] ??= []).push(partition);
      });
      rotation++;
    }
    return memberIds.map((memberId) => ({
      memberId,
      memberAssignment: AssignerProtocol.MemberAssignment.encode({
        version: 0,
        assignment: assignment.get(memberId) ?? {},
        userData: Buffer.alloc(0),
      }),
    }));
  },

  protocol({ topics }) {
    return {
      name: SUBSCRIPTION_AWARE_ASSIGNER,
      metadata: AssignerProtocol.MemberMetadata.encode({
        version: 0,
        topics,
        userData: Buffer.alloc(0),
      }),
    };
  },
});
