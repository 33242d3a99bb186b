import { robotDepth } from './robot-depth';

describe('the robot depth of a triggering event', () => {
  it('given an event a client, a manager or the system caused, then 0 whatever ran before', () => {
    expect(robotDepth('client', [])).toBe(0);
    expect(robotDepth('manager', [2])).toBe(0);
    expect(robotDepth('system', [0, 1])).toBe(0);
  });

  it('given an event a robot caused, then one past the deepest run of its chain', () => {
    expect(robotDepth('robot', [0])).toBe(1);
    expect(robotDepth('robot', [0, 2, 1])).toBe(3);
  });

  it('given an event a robot caused with no run of its chain, then 0', () => {
    expect(robotDepth('robot', [])).toBe(0);
  });
});
