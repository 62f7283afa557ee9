export * from './localTime';
