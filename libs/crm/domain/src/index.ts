export * from './attribution/parse-attribution';
export * from './crm-decided-events';
export * from './contact/contact-decider';
export * from './deal/deal-decider';
export * from './crm-settings/crm-settings-decider';
export * from './templates/template-library-decider';
