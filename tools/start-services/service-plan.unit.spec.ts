import { planServices } from './service-plan';

describe('npm run start:services: the plan of processes', () => {
  const plan = planServices({
    eventStoreUrl: 'postgres://postgres@127.0.0.1:5432/parley',
    kafkaBrokers: '127.0.0.1:19092',
    gatewayPort: 3000,
    telegramPort: 3001,
    readStoreUrl: 'mongodb://127.0.0.1:27018',
    secretKey: 'the-secret-key',
  });

  it('given a secret key, then the gateway (which seals assistants’ keys) and translation (which opens them) get it, and no other process', () => {
    const holders = plan
      .filter((service) => service.env['PARLEY_SECRET_KEY'] !== undefined)
      .map((service) => [service.name, service.env['PARLEY_SECRET_KEY']]);

    expect(holders).toEqual([
      ['translation', 'the-secret-key'],
      ['gateway', 'the-secret-key'],
    ]);
  });

  it('given the sources, then each runs compiled from dist/node', () => {
    expect(plan.find((s) => s.name === 'translation')).toMatchObject({
      source: 'apps/translation/src/main.ts',
      entry: 'dist/node/apps/translation/src/main.js',
    });
  });
});
