export * from './ids';
export * from './omittable';
