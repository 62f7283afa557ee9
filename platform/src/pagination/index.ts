export * from './connection';
export * from './paginate';
