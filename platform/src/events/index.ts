export * from './bus';
export * from './outboxEvent';
export * from './relay';
export * from './postgresBus';
export * from './config';
export * from './busConsumer';
export * from './contracts';
