import type { DecidedEvent, Decider } from '../decider';
import { foldEvents } from '../decider';
import { DomainRuleViolation } from '../domain-rule-violation';

type Outcome<Event> =
  | { readonly kind: 'events'; readonly events: readonly Event[] }
  | { readonly kind: 'violation'; readonly error: DomainRuleViolation };

/**
 * Given / When / Then for deciders (docs/style.md 13, after Emmett's DeciderSpecification):
 *   spec.given([...events]).when(command).then([...events])
 *   spec.given([...events]).when(command).thenRejects('conversation.archived')
 *   spec.given([...events]).when(command).thenThrows('message.not_failed', 'readable reason')
 *   spec.given([...events]).when(command).thenNothingHappened()
 * Framework-free: `then*` throw an Error describing the mismatch, so any test runner works.
 */
export const deciderSpecification = <Command, Event extends DecidedEvent, State>(
  decider: Decider<Command, Event, State>,
) => ({
  given: (history: readonly Event[]) => ({
    when: (command: Command) => {
      const run = (): Outcome<Event> => {
        const state = foldEvents(decider, history);
        try {
          return { kind: 'events', events: decider.decide(command, state) };
        } catch (e) {
          if (e instanceof DomainRuleViolation) return { kind: 'violation', error: e };
          throw e;
        }
      };
      return {
        then: (expected: readonly Event[]): void => {
          const outcome = run();
          if (outcome.kind === 'violation') {
            throw new Error(
              `expected events, got rejection ${outcome.error.code}: ${outcome.error.message}`,
            );
          }
          const actual = JSON.stringify(outcome.events);
          if (actual !== JSON.stringify(expected)) {
            throw new Error(`expected events ${JSON.stringify(expected)}\n     got ${actual}`);
          }
        },
        thenRejects: (code: string): DomainRuleViolation => {
          const outcome = run();
          if (outcome.kind === 'events') {
            throw new Error(
              `expected rejection ${code}, got events ${JSON.stringify(outcome.events)}`,
            );
          }
          if (outcome.error.code !== code) {
            throw new Error(
              `expected rejection ${code}, got ${outcome.error.code}: ${outcome.error.message}`,
            );
          }
          return outcome.error;
        },
        /** Rejected with this code and, when given, exactly this readable reason. */
        thenThrows(code: string, message?: string): DomainRuleViolation {
          const error = this.thenRejects(code);
          if (message !== undefined && error.message !== message) {
            throw new Error(`expected reason "${message}"\n     got "${error.message}"`);
          }
          return error;
        },
        /** Accepted, and no event: the command changed nothing (a repeat, nothing to do). */
        thenNothingHappened(): void {
          this.then([]);
        },
      };
    },
  }),
});
