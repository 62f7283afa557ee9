export * from './geoPoint';
