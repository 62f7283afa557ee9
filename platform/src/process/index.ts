export * from './actor';
export * from './transitions';
export * from './stepLog';
export * from './takeStep';
