export * from './crm-events';
export { crmEventDefinitions } from './crm-event-definitions';
export * from './crm-commands';
export * from './crm-api';
export * from './crm-admin-api';
export * from './crm-admin-commands';
export { CURRENCIES, isCurrency, minorDigits, normalizedAmount, toMinorUnits } from './money';
