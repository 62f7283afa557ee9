export * from './localTime';
export * from './workingTime';
